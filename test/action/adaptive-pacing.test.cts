/**
 * Adaptive pacing, the default (no Items in Parallel, no Max Requests per Second): one pace per
 * run, learned from the sandbox's 429s and rate-limit headers. Everything is counted (requests,
 * 429s, stored records), never timed.
 */
import type { IDataObject } from 'n8n-workflow';

import { createLeads as createLeadsIn, leadNames } from '../helpers/lead-creates.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';

const sandbox = useSandbox();
beforeEach(() => {
	sandbox.faults.clear();
	sandbox.setLatency(0);
	sandbox.setRateLimit(undefined);
});

const names = leadNames;

const createLeads = (count: number, options: IDataObject = {}) =>
	createLeadsIn(sandbox, names(count), options, true);

/** Every input item created exactly once, no item failed; returns the 429s the run received. */
async function createAllOnce(count: number, options: IDataObject = {}): Promise<number> {
	const { items, error } = await createLeads(count, options);
	expect(error).toBeUndefined();
	expect(items.filter((item) => item.json.error !== undefined)).toEqual([]);
	expect(items.map((item) => item.pairedItem)).toEqual(names(count).map((_, i) => ({ item: i })));
	const stored = sandbox.store.list('leads').map((lead) => String(lead.name));
	expect([...stored].sort()).toEqual([...names(count)].sort());
	return sandbox.requests.length - count;
}

/** The most requests the sandbox held at once, each held for its latency after arriving. */
const mostHeldAtOnce = (latencyMs: number) => {
	const arrivals = sandbox.requests.map((request) => request.at);
	return Math.max(
		...arrivals.map((t) => arrivals.filter((a) => a > t - latencyMs && a <= t).length),
	);
};

test('without the fixed options, items share one pace that grows past Items in Parallel when answers are fast', async () => {
	sandbox.setLatency(100);
	expect(await createAllOnce(150)).toBe(0);
	expect(mostHeldAtOnce(100)).toBeGreaterThan(10);
});

test('a per-second limit is learned: few 429s, nothing lost, nothing created twice', async () => {
	sandbox.setRateLimit(5);
	const refused = await createAllOnce(40);
	// With no learning every second would bring 429s (about one per accepted request here).
	expect(refused).toBeGreaterThan(0);
	expect(refused).toBeLessThanOrEqual(15);
});

test('a limiter that allows no burst at all (requests spaced at the limit): no item fails', async () => {
	sandbox.setRateLimit(10, { kind: 'spaced' });
	const refused = await createAllOnce(25);
	expect(refused).toBeGreaterThan(0);
});

test('rate-limit headers saying a longer window is used up hold every request until its reset', async () => {
	sandbox.setRateLimit(4, { windowSeconds: 3, announce: true });
	await createAllOnce(12);
	// Requests sent before the first answer said so are refused once; none is refused twice.
	const sends = new Map<string, number>();
	for (const request of sandbox.requests) {
		const name = (request.body as { name: string }).name;
		sends.set(name, (sends.get(name) ?? 0) + 1);
	}
	expect(Math.max(...sends.values())).toBeLessThanOrEqual(2);
});

test('a first 429 with Retry-After makes the whole run wait: only requests already sent go out', async () => {
	sandbox.faults.rateLimit({ retryAfterSeconds: 1, method: 'POST' });
	expect(await createAllOnce(30)).toBe(1);
	const refusedAt = sandbox.requests[0].at;
	const duringWait = sandbox.requests.filter((request) => request.at < refusedAt + 950);
	// The 5 first requests, and at most one more per other answer that came before the 429's.
	expect(duringWait.length).toBeLessThanOrEqual(9);
});

test('a create that may have happened (502 after processing, dropped answer) is never sent again', async () => {
	sandbox.faults.serverError({ status: 502, method: 'POST', processed: true });
	sandbox.faults.hangUp({ method: 'POST', processed: true });
	const { items } = await createLeads(6);
	const errors = items.filter((item) => item.json.error !== undefined);
	expect(errors).toHaveLength(2);
	expect(sandbox.requests).toHaveLength(6);
	expect(sandbox.store.count('leads')).toBe(6);
});
