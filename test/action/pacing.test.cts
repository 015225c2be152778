/**
 * Items in Parallel and Max Requests per Second (the hand-set pace): several items in flight at
 * once, output in input order, a failure stopping the run, a client-side rate cap, and 429s
 * shared by all workers. Adaptive pacing (neither option set): adaptive-pacing.test.cts.
 */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../helpers/engine.cjs';
import { createLeads as createLeadsIn, leadNames } from '../helpers/lead-creates.cjs';
import { sandboxCredentials } from '../helpers/sandbox-credentials.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';

const sandbox = useSandbox();
beforeEach(() => {
	sandbox.faults.clear();
	sandbox.setLatency(0);
	sandbox.setRateLimit(undefined);
});

const createLeads = (names: string[], options: IDataObject, continueOnFail = false) =>
	createLeadsIn(sandbox, names, options, continueOnFail);

const names = leadNames;
const arrivals = () => sandbox.requests.map((request) => request.at);
const storedNames = () => sandbox.store.list('leads').map((lead) => lead.name);

/** The most requests the sandbox held at once, each held for its latency after arriving. */
const mostHeldAtOnce = (latencyMs: number) => {
	const at = arrivals();
	return Math.max(...at.map((t) => at.filter((a) => a > t - latencyMs && a <= t).length));
};

test('items run several at a time, and the output keeps the input order and pairing', async () => {
	sandbox.setLatency(150);
	const { items, error } = await createLeads(names(10), { itemsInParallel: 5 });
	expect(error).toBeUndefined();
	const byId = new Map(sandbox.store.list('leads').map((lead) => [lead.id, lead.name]));
	expect(items.map((item) => byId.get(item.json.id as string))).toEqual(names(10));
	expect(items.map((item) => item.pairedItem)).toEqual(names(10).map((_, i) => ({ item: i })));
	expect(mostHeldAtOnce(150)).toBeGreaterThan(1);
	expect(mostHeldAtOnce(150)).toBeLessThanOrEqual(5);
});

test('Items in Parallel 1 sends strictly one item after another', async () => {
	sandbox.setLatency(60);
	const { error } = await createLeads(names(4), { itemsInParallel: 1 });
	expect(error).toBeUndefined();
	const at = arrivals();
	for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(55);
	expect(storedNames()).toEqual(names(4));
});

test('without Continue On Fail the first failing item stops the run and later items are not started', async () => {
	sandbox.faults.error({ status: 400, typeName: 'RequestValidationError', method: 'POST' });
	const { error } = await createLeads(names(6), { itemsInParallel: 1 });
	expect(error?.message).toMatch(/^Apideck rejected the request as invalid \(item \d\)$/);
	expect((error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(0);
	expect(sandbox.requests).toHaveLength(1);
	expect(sandbox.store.count('leads')).toBe(0);
});

test('with Continue On Fail a failing item in a parallel batch yields its error item in place', async () => {
	sandbox.faults.error({ status: 400, typeName: 'RequestValidationError', method: 'POST' });
	const { items, error } = await createLeads(names(5), { itemsInParallel: 5 }, true);
	expect(error).toBeUndefined();
	expect(items).toHaveLength(5);
	expect(items.filter((item) => item.json.error)).toHaveLength(1);
	expect(items.map((item) => item.pairedItem)).toEqual(names(5).map((_, i) => ({ item: i })));
	expect(sandbox.store.count('leads')).toBe(4);
});

test('Max Requests per Second keeps the run under a limit that 6 items at once would break', async () => {
	sandbox.setRateLimit(5);
	const { error } = await createLeads(names(6), { itemsInParallel: 6, requestsPerSecond: 3 });
	expect(error).toBeUndefined();
	// Not one 429: each lead was sent once.
	expect(sandbox.requests).toHaveLength(6);
	expect(sandbox.store.count('leads')).toBe(6);
});

test('without the cap the same 6 items at once run into the limit (the check above can fail)', async () => {
	sandbox.setRateLimit(5);
	const { error } = await createLeads(names(6), { itemsInParallel: 6 });
	expect(error).toBeUndefined();
	expect(sandbox.requests.length).toBeGreaterThan(6);
	expect(sandbox.store.count('leads')).toBe(6);
});

test('a server rate limit is waited out by every worker: nothing lost, nothing duplicated', async () => {
	sandbox.setRateLimit(4);
	const { items, error } = await createLeads(names(16), { itemsInParallel: 8 });
	expect(error).toBeUndefined();
	expect(items).toHaveLength(16);
	expect([...storedNames()].sort()).toEqual([...names(16)].sort());
	expect(sandbox.requests.length).toBeGreaterThan(16);
});

test('when a parallel item fails, the error names the later items that were already processed', async () => {
	sandbox.faults.error({ status: 400, typeName: 'RequestValidationError', method: 'POST' });
	sandbox.setLatency(50);
	const { error } = await createLeads(names(4), { itemsInParallel: 4 });
	expect(error?.message).toMatch(/^Apideck rejected the request as invalid \(item \d\)$/);
	const failed = (error as { context?: { itemIndex?: number } }).context?.itemIndex ?? -1;
	const later = [0, 1, 2, 3].filter((index) => index > failed);
	expect(sandbox.store.count('leads')).toBe(3);
	if (later.length) {
		expect(error?.description).toContain(
			`Items ${later.join(', ')} ran in parallel and were already processed`,
		);
	}
});

test('the Timeout option reaches every request: a slow read is retried, then explained', async () => {
	sandbox.store.insert('leads', { id: 'slow', name: 'Slow' });
	sandbox.faults.slow({ ms: 1500, times: 1 });
	const { items, error } = await runNode({
		type: 'apideckCrm',
		parameters: {
			resource: 'lead',
			operation: 'get',
			id: { __rl: true, mode: 'id', value: 'slow' },
			options: { timeout: 1000 },
		},
		credentials: sandboxCredentials(sandbox),
	});
	expect(error).toBeUndefined();
	expect(items[0].json.id).toBe('slow');
	expect(sandbox.requests).toHaveLength(2);
});

test('a create that failed with a 5xx warns that it may have happened', async () => {
	sandbox.faults.serverError({ status: 502, method: 'POST', processed: true });
	const { error } = await createLeads(['Maybe'], {});
	expect(error?.description).toContain(
		'Apideck may have carried out this request before it failed',
	);
	expect(sandbox.store.count('leads')).toBe(1);
});
