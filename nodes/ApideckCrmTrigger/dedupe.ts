import type { IDataObject } from 'n8n-workflow';

/** How many event keys each trigger remembers in this process, and in the workflow's static data. */
const MEMORY_PER_TRIGGER = 1000;
const PERSISTED_PER_TRIGGER = 100;
const MAX_TRIGGERS_IN_MEMORY = 200;

// Per-process memory, keyed by workflow and node. n8n hands every webhook request its own copy
// of the static data, so two copies of one event arriving together would both look new there;
// this set is checked and filled synchronously and closes that gap within one process.
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
	return Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : [];
}

/**
 * Records the event's keys and returns true, or returns false when any of them was seen
 * before. The static data copy survives restarts and is shared by n8n processes in queue mode;
 * the in-process set catches simultaneous redeliveries.
 */
export function isFirstDelivery(
	staticData: IDataObject,
	scope: string,
	keys: readonly string[],
): boolean {
	const present = [...new Set(keys.filter(Boolean))];
	if (!present.length) return true;
	const seen = memoryFor(scope);
	const stored = persisted(staticData);
	if (present.some((key) => seen.has(key) || stored.includes(key))) return false;

	for (const key of present) seen.add(key);
	while (seen.size > MEMORY_PER_TRIGGER) seen.delete(seen.values().next().value as string);
	staticData.recentEvents = [...stored, ...present].slice(-PERSISTED_PER_TRIGGER);
	return true;
}
