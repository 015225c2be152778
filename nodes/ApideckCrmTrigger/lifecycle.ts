import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Target } from '../shared/trigger';
import { hookTarget, remember, removeAll, requireEvents, storedIsCurrent } from '../shared/trigger';
import { normaliseEvents } from './events';
import type { Subscription } from './subscription';
import {
	addSubscription,
	apideckSubscriptions,
	isCurrent,
	removeSubscription,
	subscriptionsTo,
} from './subscription';

const target = (ctx: IHookFunctions): Target => hookTarget(ctx, normaliseEvents);

/**
 * True when Apideck still has a working subscription for this trigger: the stored one, or —
 * when static data was lost — one that already delivers to this exact URL, which is adopted
 * instead of creating a duplicate. Stale subscriptions of ours (other events, disabled) are
 * removed so that create() starts clean; a stored ID that no longer delivers here, or belongs
 * to another unified API, is only forgotten.
 */
export async function subscriptionExists(this: IHookFunctions): Promise<boolean> {
	const hook = target(this);
	if (await storedIsCurrent(this, apideckSubscriptions, hook)) return true;
	let adopted: Subscription | undefined;
	for (const subscription of await subscriptionsTo(this, hook.url)) {
		if (!adopted && isCurrent(subscription, hook.url, hook.events)) {
			adopted = subscription;
		} else {
			await removeSubscription(this, subscription.id);
		}
	}
	if (!adopted) return false;
	remember(hook, adopted.id);
	return true;
}

function disabledError(ctx: IHookFunctions, subscription: Subscription, url: string) {
	const reason = subscription.disabled_reason ?? 'unknown';
	if (reason === 'delivery_url_validation_failed') {
		return new NodeOperationError(
			ctx.getNode(),
			'Apideck could not reach this workflow’s webhook URL',
			{
				description: `Apideck sends a test request to ${url} when the subscription is created; it failed, so Apideck disabled the subscription (it has been removed again). Make sure this n8n instance is reachable from the internet at that address — behind a proxy, set n8n’s WEBHOOK_URL to the public address — then activate the workflow again.`,
			},
		);
	}
	if (reason === 'usage_limit') {
		return new NodeOperationError(
			ctx.getNode(),
			'Apideck disabled the subscription: the account is over its usage limit',
			{
				description:
					'Raise the limit or upgrade the plan in the Apideck dashboard, then activate the workflow again. The disabled subscription has been removed.',
			},
		);
	}
	return new NodeOperationError(
		ctx.getNode(),
		`Apideck created the subscription disabled (reason: ${reason})`,
		{
			description:
				'Check the webhook settings of the application in the Apideck dashboard, then activate the workflow again. The disabled subscription has been removed.',
		},
	);
}

export async function createSubscription(this: IHookFunctions): Promise<boolean> {
	const hook = target(this);
	requireEvents(this, hook);
	const subscription = await addSubscription(this, hook.url, hook.events);
	if (!subscription?.id) {
		throw new NodeOperationError(
			this.getNode(),
			'Apideck did not return the new subscription’s ID',
		);
	}
	if (subscription.status !== 'enabled') {
		try {
			await removeSubscription(this, subscription.id);
		} catch (error) {
			this.logger.warn(
				`Could not remove the disabled Apideck subscription ${subscription.id}: ${(error as Error).message}`,
			);
		}
		throw disabledError(this, subscription, hook.url);
	}
	remember(hook, subscription.id);
	return true;
}

/** Removes every CRM subscription that delivers to this trigger's URL (see removeAll). */
export async function deleteSubscription(this: IHookFunctions): Promise<boolean> {
	await removeAll(this, apideckSubscriptions, target(this));
	return true;
}
