import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normaliseEvents } from './events';
import type { Subscription } from './subscription';
import {
	addSubscription,
	getSubscription,
	isCurrent,
	isOurs,
	removeSubscription,
	subscriptionsTo,
} from './subscription';

const WEBHOOK_NAME = 'default';

interface Target {
	url: string;
	events: string[];
	data: IDataObject;
}

function target(ctx: IHookFunctions): Target {
	const url = ctx.getNodeWebhookUrl(WEBHOOK_NAME);
	if (!url)
		throw new NodeOperationError(
			ctx.getNode(),
			'n8n did not provide a webhook URL for this trigger',
		);
	const events = normaliseEvents(ctx.getNodeParameter('events', []) as string[]);
	return { url, events, data: ctx.getWorkflowStaticData('node') };
}

function remember(data: IDataObject, subscription: Subscription, url: string, events: string[]) {
	data.webhookId = subscription.id;
	data.webhookUrl = url;
	data.webhookEvents = events;
}

function forget(data: IDataObject) {
	delete data.webhookId;
	delete data.webhookUrl;
	delete data.webhookEvents;
}

/** The subscription remembered for this URL (not for the other of test and production URL). */
const storedId = (data: IDataObject, url: string) =>
	typeof data.webhookId === 'string' && data.webhookUrl === url ? data.webhookId : undefined;

/**
 * True when Apideck still has a working subscription for this trigger: the stored one, or —
 * when static data was lost — one that already delivers to this exact URL, which is adopted
 * instead of creating a duplicate. Stale subscriptions of ours (other events, disabled) are
 * removed so that create() starts clean; a stored ID that no longer delivers here, or belongs
 * to another unified API, is only forgotten.
 */
export async function subscriptionExists(this: IHookFunctions): Promise<boolean> {
	const { url, events, data } = target(this);
	const id = storedId(data, url);
	if (id) {
		const stored = await getSubscription(this, id);
		if (stored && isCurrent(stored, url, events)) return true;
		if (stored && isOurs(stored, url)) await removeSubscription(this, stored.id);
		forget(data);
	}
	let adopted: Subscription | undefined;
	for (const subscription of await subscriptionsTo(this, url)) {
		if (!adopted && isCurrent(subscription, url, events)) {
			adopted = subscription;
		} else {
			await removeSubscription(this, subscription.id);
		}
	}
	if (!adopted) return false;
	remember(data, adopted, url, events);
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
	const { url, events, data } = target(this);
	if (!events.length) {
		throw new NodeOperationError(this.getNode(), 'Choose at least one event to listen to', {
			description: 'Select the CRM events that should start this workflow, or All Events.',
		});
	}
	const subscription = await addSubscription(this, url, events);
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
		throw disabledError(this, subscription, url);
	}
	remember(data, subscription, url, events);
	return true;
}

/**
 * Removes every CRM subscription that delivers to this trigger's URL, as Apideck lists them now,
 * rather than the stored ID alone: that ID may deliver elsewhere by now, and activations that
 * ran at the same time each created a subscription while static data kept only the last one.
 * One that Apideck already deleted counts as removed.
 */
export async function deleteSubscription(this: IHookFunctions): Promise<boolean> {
	const { url, data } = target(this);
	for (const subscription of await subscriptionsTo(this, url)) {
		await removeSubscription(this, subscription.id);
	}
	if (storedId(data, url) || data.webhookUrl === undefined) forget(data);
	return true;
}
