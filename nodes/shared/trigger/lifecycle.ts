import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../core';
import { deliveryWebhook } from './respond';

/** A backend's webhook subscriptions, as far as the lifecycle of a trigger needs them. */
export interface SubscriptionApi<S extends { id: string }> {
	/** The subscription, or undefined when the backend no longer has it. */
	get(ctx: IHookFunctions, id: string): Promise<S | undefined>;
	/** Every subscription of this trigger's kind that delivers to `url` (see isOurs). */
	listTo(ctx: IHookFunctions, url: string): Promise<S[]>;
	/** Deletes a subscription; false when the backend no longer had it. */
	remove(ctx: IHookFunctions, id: string): Promise<boolean>;
	/** This trigger's own: it delivers to `url` (and is of the trigger's kind). */
	isOurs(subscription: S, url: string): boolean;
	/** Ours, switched on and delivering exactly `events`. */
	isCurrent(subscription: S, url: string, events: readonly string[]): boolean;
}

const isNotFound = (error: unknown) => error instanceof NodeApiError && error.httpCode === '404';

/** What `request` answers, or undefined when the subscription it reads is gone (404). */
export async function unlessGone<T>(
	ctx: IHookFunctions,
	request: () => Promise<T>,
): Promise<T | undefined> {
	try {
		return await request();
	} catch (error) {
		if (isNotFound(error)) return undefined;
		throw asNodeError(ctx.getNode(), error);
	}
}

/** Runs a delete; false when the subscription was gone already (404). */
export async function deleted(ctx: IHookFunctions, request: () => Promise<unknown>) {
	return (await unlessGone(ctx, async () => await request().then(() => true))) ?? false;
}

export interface Target {
	url: string;
	/** The selected events, normalised the way the backend stores them. */
	events: string[];
	/** The node's static data: where the subscription is remembered. */
	data: IDataObject;
}

/** The production (or test) webhook URL n8n gave this trigger, the events and the static data. */
export function hookTarget(
	ctx: IHookFunctions,
	normalise: (selected: readonly string[]) => string[],
): Target {
	const url = ctx.getNodeWebhookUrl(deliveryWebhook.name);
	if (!url)
		throw new NodeOperationError(
			ctx.getNode(),
			'n8n did not provide a webhook URL for this trigger',
		);
	const events = normalise(ctx.getNodeParameter('events', []) as string[]);
	return { url, events, data: ctx.getWorkflowStaticData('node') };
}

/** True when two selections of events are the same once normalised. */
export function sameEvents(
	a: readonly string[],
	b: readonly string[],
	normalise: (selected: readonly string[]) => string[],
): boolean {
	const left = normalise(a);
	const right = normalise(b);
	return left.length === right.length && left.every((event, index) => event === right[index]);
}

/** Refuses an activation without events before anything is created. */
export function requireEvents(ctx: IHookFunctions, target: Target): void {
	if (target.events.length) return;
	throw new NodeOperationError(ctx.getNode(), 'Choose at least one event to listen to', {
		description: 'Select the CRM events that should start this workflow.',
	});
}

/** What the static data keeps about the subscription; `secret` only where the backend has one. */
export function remember(target: Target, id: string, secret?: string): void {
	const { data } = target;
	data.webhookId = id;
	data.webhookUrl = target.url;
	data.webhookEvents = target.events;
	if (secret === undefined) delete data.webhookSecret;
	else data.webhookSecret = secret;
}

export function forget(data: IDataObject): void {
	delete data.webhookId;
	delete data.webhookUrl;
	delete data.webhookEvents;
	delete data.webhookSecret;
}

/** The subscription remembered for this URL (not for the other of test and production URL). */
export const storedId = (target: Target): string | undefined =>
	typeof target.data.webhookId === 'string' && target.data.webhookUrl === target.url
		? target.data.webhookId
		: undefined;

/**
 * True when the remembered subscription still exists, is ours and current (and `usable` agrees,
 * e.g. its secret is known). Otherwise it is forgotten, and removed when it is still ours; one
 * that delivers elsewhere by now is left alone.
 */
export async function storedIsCurrent<S extends { id: string }>(
	ctx: IHookFunctions,
	api: SubscriptionApi<S>,
	target: Target,
	usable: () => boolean = () => true,
): Promise<boolean> {
	const id = storedId(target);
	if (!id) return false;
	const stored = await api.get(ctx, id);
	if (stored && api.isCurrent(stored, target.url, target.events) && usable()) return true;
	if (stored && api.isOurs(stored, target.url)) await api.remove(ctx, stored.id);
	forget(target.data);
	return false;
}

/**
 * Removes every subscription that delivers to this trigger's URL, as the backend lists them now,
 * rather than the stored ID alone: that ID may deliver elsewhere by now, and activations that
 * ran at the same time may each have created one. One the backend already deleted counts as
 * removed. The static data is cleared unless it names a subscription of the other URL.
 */
export async function removeAll<S extends { id: string }>(
	ctx: IHookFunctions,
	api: SubscriptionApi<S>,
	target: Target,
): Promise<void> {
	for (const subscription of await api.listTo(ctx, target.url)) {
		await api.remove(ctx, subscription.id);
	}
	if (storedId(target) || target.data.webhookUrl === undefined) forget(target.data);
}
