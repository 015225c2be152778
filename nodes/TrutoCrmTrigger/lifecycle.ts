import type { IHookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { SubscriptionApi, Target } from '../shared/trigger';
import { hookTarget, remember, removeAll, requireEvents, storedIsCurrent } from '../shared/trigger';
import { requireAccount } from './account';
import { normaliseEvents } from './events';
import type { Webhook } from './subscription';
import { addWebhook, trutoWebhooks } from './subscription';

const target = (ctx: IHookFunctions): Target => hookTarget(ctx, normaliseEvents);

const hasSecret = (hook: Target) =>
	typeof hook.data.webhookSecret === 'string' && hook.data.webhookSecret !== '';

// The webhooks this process created and has not deleted, with their secrets, by URL.
// Activations of one workflow that run at the same time each create a webhook and then settle
// on the newest (see settle); n8n keeps the static data saved last, so each of them stores the
// newest webhook it knows the secret of here, whichever finishes last.
const created = new Map<string, Map<string, Webhook>>();
const MAX_URLS = 200;

function createdFor(url: string): Map<string, Webhook> {
	let webhooks = created.get(url);
	if (!webhooks) {
		if (created.size >= MAX_URLS) created.delete(created.keys().next().value as string);
		webhooks = new Map();
		created.set(url, webhooks);
	}
	return webhooks;
}

/** Truto's webhook API, with every deletion also taken out of `created`. */
const webhooks: SubscriptionApi<Webhook> = {
	...trutoWebhooks,
	async remove(ctx, id) {
		for (const known of created.values()) known.delete(id);
		return await trutoWebhooks.remove(ctx, id);
	},
};

/**
 * True when Truto still has the stored webhook, active, for this URL and these events, and its
 * secret is stored too. Otherwise every webhook that delivers to this URL is removed: Truto
 * shows a secret only when it creates a webhook, so one whose secret is not stored cannot be
 * verified and is replaced by create(), never adopted.
 */
export async function webhookExists(this: IHookFunctions): Promise<boolean> {
	const hook = target(this);
	await requireAccount(this);
	if (await storedIsCurrent(this, webhooks, hook, () => hasSecret(hook))) return true;
	await removeAll(this, webhooks, hook);
	return false;
}

/** Ordered by Truto's creation time, then ID: every activation sees the same order. */
const isNewer = (a: Webhook, b: Webhook) =>
	(a.created_at ?? '') > (b.created_at ?? '') ||
	((a.created_at ?? '') === (b.created_at ?? '') && a.id > b.id);

const newest = (candidates: Webhook[]) =>
	candidates.reduce<Webhook | undefined>(
		(best, webhook) => (!best || isNewer(webhook, best) ? webhook : best),
		undefined,
	);

/**
 * Leaves one webhook for this URL: the newest, as Truto lists them now. Activations that run
 * at the same time each remove the older ones they see, and none removes the newest, so one
 * remains. Its secret is stored when this process made it; when another process did, that
 * activation stores it, and this one leaves the static data as it is.
 */
async function settle(ctx: IHookFunctions, hook: Target, own: Webhook): Promise<void> {
	const listed = await webhooks.listTo(ctx, hook.url);
	const keep = newest([own, ...listed]) as Webhook;
	for (const webhook of listed) {
		if (webhook.id !== keep.id) await webhooks.remove(ctx, webhook.id);
	}
	if (keep.id !== own.id && !listed.some((webhook) => webhook.id === own.id)) {
		await webhooks.remove(ctx, own.id);
	}
	const known = [...createdFor(hook.url).values()];
	const store = newest(known.filter((webhook) => webhook.id === keep.id || isNewer(webhook, keep)));
	if (store?.secret) remember(hook, store.id, store.secret);
}

function createError(ctx: IHookFunctions, error: unknown, url: string): unknown {
	if (!(error instanceof NodeApiError) || error.httpCode !== '400' || !url.startsWith('http:'))
		return error;
	return new NodeOperationError(ctx.getNode(), 'Truto refused this workflow’s webhook URL', {
		description: `Truto delivers events only to HTTPS addresses, and n8n gave this trigger ${url}. Serve n8n over HTTPS at a public address (behind a proxy, set n8n’s WEBHOOK_URL to it), then activate the workflow again. Truto said: ${error.message}`,
	});
}

export async function createWebhook(this: IHookFunctions): Promise<boolean> {
	const hook = target(this);
	requireEvents(this, hook);
	await requireAccount(this);
	let webhook: Webhook;
	try {
		webhook = await addWebhook(this, hook.url, hook.events);
	} catch (error) {
		throw createError(this, error, hook.url);
	}
	if (!webhook?.id || typeof webhook.secret !== 'string' || !webhook.secret) {
		if (webhook?.id) await webhooks.remove(this, webhook.id);
		throw new NodeOperationError(this.getNode(), 'Truto did not return the new webhook’s secret', {
			description:
				'Without it, deliveries cannot be verified; the webhook was removed again. Try activating the workflow again; if it keeps happening, Truto’s webhook API has changed: please report it.',
		});
	}
	createdFor(hook.url).set(webhook.id, webhook);
	await settle(this, hook, webhook);
	return true;
}

/** Removes every webhook that delivers to this trigger's URL (see removeAll). */
export async function deleteWebhook(this: IHookFunctions): Promise<boolean> {
	await removeAll(this, webhooks, target(this));
	return true;
}
