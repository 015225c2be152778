import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import type { CrmEvent } from './payload';
import { canonicalJson } from './signature';

/** How many event keys each trigger remembers in this process, and in the workflow's static data. */
const MEMORY_PER_TRIGGER = 1000;
const PERSISTED_PER_TRIGGER = 100;
const MAX_TRIGGERS_IN_MEMORY = 200;

// Keys are stored as they are only when short and plain; anything else is stored as a hash, so
// the static data stays under PERSISTED_PER_TRIGGER × 64 bytes whatever the event IDs look like.
const PLAIN_KEY = /^[\w.:-]{1,64}$/;

const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

const compact = (key: string) => (PLAIN_KEY.test(key) ? key : `sha256:${digest(key)}`);

/**
 * The key an event is remembered by: its event_id, or else a hash of the content Apideck signed.
 * The x-apideck-idempotency-key header is not used: it is not signed, so a replayed delivery
 * could carry any value there. execution_attempt is left out because it changes on every retry.
 */
export function eventKey(event: CrmEvent, rawBody: string): string {
	if (event.event_id) return compact(event.event_id);
	const content: Partial<CrmEvent> = { ...event };
	delete content.execution_attempt;
	let signed: string;
	try {
		signed = canonicalJson(content);
	} catch {
		signed = rawBody; // Nested too deeply to walk: the exact text is the next best thing.
	}
	return `content:${digest(signed)}`;
}

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
	return value.filter((key): key is string => typeof key === 'string' && key !== '').map(compact);
}

/**
 * Claims the event key for this delivery: false when the key was seen before, in this process or
 * in the persisted copy. A claimed key is released again if the delivery fails before it started
 * the workflow, so that Apideck's retry is not taken for a duplicate.
 */
export function claimEvent(staticData: IDataObject, scope: string, key: string): boolean {
	const seen = memoryFor(scope);
	if (seen.has(key) || persisted(staticData).includes(key)) return false;
	seen.add(key);
	while (seen.size > MEMORY_PER_TRIGGER) seen.delete(seen.values().next().value as string);
	return true;
}

export function releaseEvent(scope: string, key: string): void {
	memory.get(scope)?.delete(key);
}

/**
 * Writes the keys to remember into this request's copy of the static data: the ones it was
 * loaded with plus the ones this process saw most recently. n8n saves the whole copy after
 * webhook() returns and the last save wins, so each save must carry the keys of the requests
 * that ran at the same time, not only its own. Call it just before returning.
 */
export function saveSeenEvents(staticData: IDataObject, scope: string): void {
	const recent = [...memoryFor(scope)].slice(-PERSISTED_PER_TRIGGER);
	const inRecent = new Set(recent);
	const merged = [...persisted(staticData).filter((key) => !inRecent.has(key)), ...recent];
	staticData.recentEvents = [...new Set(merged)].slice(-PERSISTED_PER_TRIGGER);
}
