import { createHash } from 'crypto';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { acknowledge } from './respond';

/** How many event keys each trigger remembers in this process, and in the workflow's static data. */
const MEMORY_PER_TRIGGER = 1000;
const PERSISTED_PER_TRIGGER = 100;
const MAX_TRIGGERS_IN_MEMORY = 200;

// Keys are stored as they are only when short and plain; anything else is stored as a hash, so
// the static data stays under PERSISTED_PER_TRIGGER × 64 bytes whatever the event IDs look like.
const PLAIN_KEY = /^[\w.:-]{1,64}$/;

const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The key as stored: itself when short and plain, else a hash of it. */
export const compactKey = (key: string) => (PLAIN_KEY.test(key) ? key : `sha256:${digest(key)}`);

/** The key of an event that has no ID of its own: a hash of the content its sender signed. */
export const contentKey = (signedContent: string) => `content:${digest(signedContent)}`;

// Per-process memory, keyed by workflow and node, in the order the keys were first seen. n8n
// hands every webhook request its own copy of the static data, so two copies of one event
// arriving together would both look new there; this set is checked and filled synchronously and
// closes that gap within one process. It is also what every save carries (see saveSeenEvents).
const memory = new Map<string, Set<string>>();

function memoryFor(scope: string): Set<string> {
	let seen = memory.get(scope);
	if (seen) {
		memory.delete(scope);
	} else {
		seen = new Set();
		if (memory.size >= MAX_TRIGGERS_IN_MEMORY) memory.delete(memory.keys().next().value as string);
	}
	memory.set(scope, seen);
	return seen;
}

function persisted(staticData: IDataObject): string[] {
	const value = staticData.recentEvents;
	if (!Array.isArray(value)) return [];
	return value
		.filter((key): key is string => typeof key === 'string' && key !== '')
		.map(compactKey);
}

/**
 * Claims the event key for this delivery: false when the key was seen before, in this process or
 * in the persisted copy. A claimed key is released again if the delivery fails before it started
 * the workflow, so that the sender's retry is not taken for a duplicate.
 */
function claimEvent(staticData: IDataObject, scope: string, key: string): boolean {
	const seen = memoryFor(scope);
	if (seen.has(key) || persisted(staticData).includes(key)) return false;
	seen.add(key);
	while (seen.size > MEMORY_PER_TRIGGER) seen.delete(seen.values().next().value as string);
	return true;
}

function releaseEvent(scope: string, key: string): void {
	memory.get(scope)?.delete(key);
}

/**
 * Writes the keys to remember into this request's copy of the static data: the ones it was
 * loaded with plus the ones this process saw most recently. n8n 1.x saves the whole copy after
 * webhook() returns and the last save wins, so each save must carry the keys of the requests
 * that ran at the same time, not only its own. n8n 2.x skips that save when the request starts
 * a workflow, so requests that start nothing (duplicates, ignored events, URL checks) write the
 * keys too — see docs/trigger.md. Nothing is written when the stored keys would not change, so
 * that such requests cost no database write. Call it just before returning.
 */
function saveSeenEvents(staticData: IDataObject, scope: string): void {
	const recent = [...memoryFor(scope)].slice(-PERSISTED_PER_TRIGGER);
	const inRecent = new Set(recent);
	const stored = persisted(staticData);
	const merged = [...stored.filter((key) => !inRecent.has(key)), ...recent];
	const next = [...new Set(merged)].slice(-PERSISTED_PER_TRIGGER);
	const current = staticData.recentEvents;
	const unchanged =
		Array.isArray(current) &&
		current.length === next.length &&
		next.every((key, i) => current[i] === key);
	if (!unchanged) staticData.recentEvents = next;
}

const scopeOf = (ctx: IWebhookFunctions) => `${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}`;

/**
 * A 200 answer that starts no execution and carries this process's recent event keys into the
 * static data n8n saves after it (the only save n8n 2.x makes for a webhook request).
 */
export function acknowledgeAndRemember(
	ctx: IWebhookFunctions,
	body: IDataObject,
): IWebhookResponseData {
	const scope = scopeOf(ctx);
	if (memory.has(scope)) saveSeenEvents(ctx.getWorkflowStaticData('node'), scope);
	return acknowledge(body);
}

/**
 * Starts the workflow with the item `build` makes, unless the event `key` (see compactKey,
 * contentKey) was received before: that is answered 200 and starts nothing, since senders retry.
 * If `build` throws, the key is given back so that the sender's retry is not a duplicate.
 */
export async function startOnce(
	ctx: IWebhookFunctions,
	key: string,
	build: () => Promise<IDataObject>,
): Promise<IWebhookResponseData> {
	const scope = scopeOf(ctx);
	const staticData = ctx.getWorkflowStaticData('node');
	if (!claimEvent(staticData, scope, key)) {
		return acknowledgeAndRemember(ctx, { message: 'Event already received' });
	}
	let started = false;
	try {
		const json = await build();
		saveSeenEvents(staticData, scope);
		started = true;
		return { workflowData: [[{ json }]] };
	} finally {
		if (!started) releaseEvent(scope, key);
	}
}
