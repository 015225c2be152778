/**
 * Adaptive pacing (the default: neither Items in Parallel nor Max Requests per Second set) under
 * 429 storms: 40 lead creates per scenario, continue on fail. No input item may vanish, no lead
 * may be created twice, and a 429 — which means the create did not happen — never fails an item.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { installCapture, releaseCapture } from './support/capture.cjs';
import { duplicateNames, leadCounts, run, useLeadBatches } from './support/fixtures.cjs';
import { verify } from './support/verify.cjs';

installCapture();

const N = 40;
const { sandbox, input } = useLeadBatches(N);

afterAll(() => releaseCapture());

const create = (options: INodeParameters = { returnRecord: false }) =>
	run(sandbox, {
		parameters: { resource: 'lead', operation: 'create', name: '={{ $json.name }}', options },
		input: input(),
		continueOnFail: true,
	});

interface Expectation {
	scenario: string;
	injected: string;
	/** Items expected to end in an error (creates that may have happened are not retried). */
	errors?: number;
	/** Requests one item needs when nothing is refused (2 with Return Full Record). */
	perItem?: number;
}

function check(items: INodeExecutionData[], runError: unknown, e: Expectation) {
	const errors = items.filter((item) => item.json.error !== undefined);
	const outputs = new Set(items.map((item) => (item.pairedItem as { item: number }).item)).size;
	const refused = sandbox.requests.length - N * (e.perItem ?? 1);
	verify(
		__filename,
		{
			area: 'Adaptive pacing',
			scenario: e.scenario,
			injected: `${e.injected} → ${refused}× 429`,
			requests: sandbox.requests.length,
			items: `${items.length} out / ${N} in, ${sandbox.store.count('leads')} stored`,
			lost: N - outputs,
			duplicates: duplicateNames(sandbox),
			failures: errors.length ? `${errors.length}: ${String(errors[0].json.error)}` : '0',
		},
		leadCounts(sandbox, items, runError, N),
		{ runError: undefined, out: N, lost: 0, stored: N, duplicates: 0, errors: e.errors ?? 0 },
	);
	return refused;
}

test('a 10 requests/s limit: learned from the first 429s, every lead created once', async () => {
	sandbox.setRateLimit(10);
	const { items, error } = await create();
	const refused = check(items, error, {
		scenario: '429 storm (10 req/s)',
		injected: 'limit 10 req/s',
	});
	// The hand-set default (5 in parallel, no cap) gets about one 429 per accepted request here.
	expect(refused).toBeLessThan(N / 2);
});

test('a limiter without bursts (one request per 100 ms): no item fails', async () => {
	sandbox.setRateLimit(10, { kind: 'spaced' });
	const { items, error } = await create();
	check(items, error, { scenario: 'no-burst limiter', injected: 'one request per 100 ms' });
});

test('Return Full Record under a 10 requests/s limit: creates and read-backs paced together', async () => {
	sandbox.setRateLimit(10);
	const { items, error } = await create({});
	check(items, error, { scenario: 'limit + read-back', injected: 'limit 10 req/s', perItem: 2 });
	expect(items.filter((item) => typeof item.json.name === 'string')).toHaveLength(N);
});

test('8 consecutive 429s (Retry-After 0) on POST: every lead created once', async () => {
	sandbox.faults.rateLimit({ times: 8, retryAfterSeconds: 0, method: 'POST' });
	const { items, error } = await create();
	check(items, error, { scenario: '429 burst', injected: '8× 429, Retry-After 0' });
});

test('a limit and creates that may have happened: those fail clearly, none is sent twice', async () => {
	sandbox.setRateLimit(10);
	sandbox.faults.serverError({ times: 2, status: 502, method: 'POST', processed: true });
	sandbox.faults.hangUp({ times: 1, method: 'POST', processed: true });
	const { items, error } = await create();
	check(items, error, {
		scenario: 'limit + uncertain creates',
		injected: 'limit 10 req/s, 2× 502 and 1 dropped answer after the create',
		errors: 3,
	});
});

test('a 3-second window that the rate-limit headers announce: every lead created once', async () => {
	sandbox.setRateLimit(15, { windowSeconds: 3, announce: true });
	const { items, error } = await create();
	check(items, error, { scenario: 'announced 3 s window', injected: '15 per 3 s, with headers' });
});
