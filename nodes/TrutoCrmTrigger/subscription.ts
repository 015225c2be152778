import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { apiPath } from '../shared/core';
import type { SubscriptionApi } from '../shared/trigger';
import { deleted, sameEvents, unlessGone } from '../shared/trigger';
import { trutoPages, trutoRequest } from '../shared/truto';
import { normaliseEvents } from './events';

const COLLECTION = '/webhook';

/** A Truto webhook, as far as the trigger uses it. The secret comes only with a new one. */
export interface Webhook {
	id: string;
	target_url?: string;
	is_active?: boolean;
	event_types?: string[];
	created_at?: string;
	secret?: string;
}

/**
 * Truto's webhooks belong to the environment and are not split by unified API, so every one
 * that delivers to this trigger's URL (which holds n8n's ID of this node) is this trigger's.
 */
export const isOurs = (webhook: Webhook, url: string) => webhook.target_url === url;

/** Ours, active and delivering exactly the selected event types. */
export const isCurrent = (webhook: Webhook, url: string, events: readonly string[]) =>
	isOurs(webhook, url) &&
	webhook.is_active !== false &&
	sameEvents(webhook.event_types ?? [], events, normaliseEvents);

async function getWebhook(ctx: IHookFunctions, id: string): Promise<Webhook | undefined> {
	return await unlessGone(ctx, async () =>
		trutoRequest<Webhook>(ctx, { method: 'GET', path: apiPath(`${COLLECTION}/{id}`, { id }) }),
	);
}

async function webhooksTo(ctx: IHookFunctions, url: string): Promise<Webhook[]> {
	const found: Webhook[] = [];
	for await (const page of trutoPages(ctx, { method: 'GET', path: COLLECTION })) {
		for (const entry of page as unknown as Webhook[]) {
			if (isOurs(entry, url)) found.push(entry);
		}
	}
	return found;
}

async function removeWebhook(ctx: IHookFunctions, id: string): Promise<boolean> {
	return await deleted(ctx, async () =>
		trutoRequest(ctx, { method: 'DELETE', path: apiPath(`${COLLECTION}/{id}`, { id }) }),
	);
}

/** Creates an active webhook for `events`; Truto answers with its secret this once only. */
export async function addWebhook(
	ctx: IHookFunctions,
	url: string,
	events: string[],
): Promise<Webhook> {
	const body: IDataObject = { target_url: url, event_types: events, is_active: true };
	return await trutoRequest<Webhook>(ctx, { method: 'POST', path: COLLECTION, body });
}

/** Truto's webhook API as the shared trigger lifecycle uses it. */
export const trutoWebhooks: SubscriptionApi<Webhook> = {
	get: getWebhook,
	listTo: webhooksTo,
	remove: removeWebhook,
	isOurs,
	isCurrent,
};
