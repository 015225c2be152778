import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { apideckPages, apideckRequest } from '../shared/apideck';
import { apiPath } from '../shared/core';
import type { SubscriptionApi } from '../shared/trigger';
import { deleted, sameEvents, unlessGone } from '../shared/trigger';
import { normaliseEvents } from './events';

const COLLECTION = '/webhook/webhooks';

/** An Apideck webhook subscription, as far as the trigger uses it. */
export interface Subscription {
	id: string;
	status?: string;
	disabled_reason?: string;
	delivery_url?: string;
	events?: string[];
	unified_api?: string;
}

/**
 * This trigger's own: a CRM subscription that delivers to this trigger's URL. Anything else —
 * another unified API, or a stored ID that delivers elsewhere by now — is left alone.
 */
export function isOurs(subscription: Subscription, url: string): boolean {
	return subscription.delivery_url === url && subscription.unified_api === 'crm';
}

/** True when the subscription is ours, delivers the wanted events and is switched on. */
export function isCurrent(
	subscription: Subscription,
	url: string,
	events: readonly string[],
): boolean {
	return (
		isOurs(subscription, url) &&
		subscription.status === 'enabled' &&
		sameEvents(subscription.events ?? [], events, normaliseEvents)
	);
}

export async function getSubscription(
	ctx: IHookFunctions,
	id: string,
): Promise<Subscription | undefined> {
	const envelope = await unlessGone(ctx, async () =>
		apideckRequest<IDataObject>(ctx, {
			method: 'GET',
			path: apiPath(`${COLLECTION}/{id}`, { id }),
		}),
	);
	return envelope?.data as Subscription | undefined;
}

/** Every CRM subscription of the application that delivers to `url` (see isOurs). */
export async function subscriptionsTo(ctx: IHookFunctions, url: string): Promise<Subscription[]> {
	const found: Subscription[] = [];
	for await (const page of apideckPages(ctx, { method: 'GET', path: COLLECTION })) {
		for (const entry of page as unknown as Subscription[]) {
			if (isOurs(entry, url)) found.push(entry);
		}
	}
	return found;
}

export async function addSubscription(
	ctx: IHookFunctions,
	url: string,
	events: string[],
): Promise<Subscription> {
	const envelope = await apideckRequest<IDataObject>(ctx, {
		method: 'POST',
		path: COLLECTION,
		body: { unified_api: 'crm', status: 'enabled', delivery_url: url, events },
	});
	return envelope.data as unknown as Subscription;
}

/** Deletes a subscription; false when Apideck no longer had it. */
export async function removeSubscription(ctx: IHookFunctions, id: string): Promise<boolean> {
	return await deleted(ctx, async () =>
		apideckRequest(ctx, { method: 'DELETE', path: apiPath(`${COLLECTION}/{id}`, { id }) }),
	);
}

/** Apideck's webhook API as the shared trigger lifecycle uses it. */
export const apideckSubscriptions: SubscriptionApi<Subscription> = {
	get: getSubscription,
	listTo: subscriptionsTo,
	remove: removeSubscription,
	isOurs,
	isCurrent,
};
