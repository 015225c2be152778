/**
 * Creates of 40 leads (one per input item, continue on fail) while the sandbox misbehaves: no
 * input item may vanish (one output item each: the record or an error), no lead may be created
 * twice, and each failed item carries a clear error. 5xx, broken bodies, dropped connections and
 * timeouts on a POST are not retried — the create may have happened — so they surface as errors.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { DEFAULT_ITEMS_IN_PARALLEL } from '../../nodes/shared/crm';
import { capture, installCapture, releaseCapture } from './support/capture.cjs';
import { duplicateNames, isClear, leadCounts, run, useLeadBatches } from './support/fixtures.cjs';
import { secretScan } from './support/secret-scan.cjs';
import { verify } from './support/verify.cjs';

installCapture();

const N = 40;
const { sandbox, input } = useLeadBatches(N);

afterAll(() => releaseCapture());

const create = (options: INodeParameters = { returnRecord: false }, continueOnFail = true) =>
	run(sandbox, {
		parameters: { resource: 'lead', operation: 'create', name: '={{ $json.name }}', options },
		input: input(),
		continueOnFail,
	});

const errorsOf = (items: INodeExecutionData[]) =>
	items.filter((item) => item.json.error !== undefined).map((item) => String(item.json.error));

interface Expectation {
	scenario: string;
	injected: string;
	created: number;
	errors: number;
	message?: RegExp;
	requests: number;
}

function check(items: INodeExecutionData[], runError: unknown, e: Expectation) {
	const errors = errorsOf(items);
	const clear = errors.filter((m) => e.message?.test(m)).length;
	const outputs = new Set(items.map((item) => (item.pairedItem as { item: number }).item)).size;
	const posts = sandbox.requests.filter((r) => r.method === 'POST').length;
	verify(
		__filename,
		{
			area: 'Create',
			scenario: e.scenario,
			injected: e.injected,
			requests: posts,
			items: `${items.length} out / ${N} in, ${sandbox.store.count('leads')} stored`,
			lost: N - outputs,
			duplicates: duplicateNames(sandbox),
			failures: errors.length ? `${errors.length} (${clear} clear: ${errors[0]})` : '0',
		},
		{ ...leadCounts(sandbox, items, runError, N), clear, posts },
		{
			runError: undefined,
			out: N,
			lost: 0,
			stored: e.created,
			duplicates: 0,
			errors: e.errors,
			clear: e.errors,
			posts: e.requests,
		},
	);
}

test('control: no fault', async () => {
	const { items, error } = await create();
	check(items, error, {
		scenario: 'control',
		injected: 'none',
		created: N,
		errors: 0,
		requests: N,
	});
});

test('429 storm from a 10 requests/s limit: every lead created once', async () => {
	sandbox.setRateLimit(10);
	const { items, error } = await create();
	const posts = sandbox.requests.filter((r) => r.method === 'POST').length;
	check(items, error, {
		scenario: '429 storm (rate limit)',
		injected: `limit 10 req/s → ${posts - N}× 429`,
		created: N,
		errors: 0,
		requests: posts,
	});
	expect(posts).toBeGreaterThan(N);
});

test('429s in a row on POST are retried: every lead created once', async () => {
	sandbox.faults.rateLimit({ times: 4, retryAfterSeconds: 0, method: 'POST' });
	const { items, error } = await create();
	check(items, error, {
		scenario: '429 storm (4 in a row)',
		injected: '4× 429, Retry-After: 0',
		created: N,
		errors: 0,
		requests: N + 4,
	});
});

test('5xx before processing: not retried, clear errors, nothing duplicated', async () => {
	sandbox.faults.serverError({ times: 3, status: 503, method: 'POST' });
	const { items, error } = await create();
	check(items, error, {
		scenario: '5xx burst (not processed)',
		injected: '3× 503',
		created: N - 3,
		errors: 3,
		message: /failed on purpose|Apideck answered 503/,
		requests: N,
	});
});

test('5xx after processing: not retried, so no duplicate', async () => {
	sandbox.faults.serverError({ times: 3, status: 500, method: 'POST', processed: true });
	const { items, error } = await create();
	check(items, error, {
		scenario: '5xx burst (processed)',
		injected: '3× 500 after the create',
		created: N,
		errors: 3,
		message: /failed on purpose|Apideck answered 500/,
		requests: N,
	});
});

test('malformed JSON after processing: not retried, clear error', async () => {
	sandbox.faults.malformedJson({ times: 2, method: 'POST', processed: true });
	const { items, error } = await create();
	check(items, error, {
		scenario: 'malformed JSON (processed)',
		injected: '2× truncated 200 body',
		created: N,
		errors: 2,
		message: /Apideck answered 502/,
		requests: N,
	});
});

test('dropped connection after processing: not retried, clear error', async () => {
	sandbox.faults.hangUp({ times: 2, method: 'POST', processed: true });
	const { items, error } = await create();
	check(items, error, {
		scenario: 'connection dropped (processed)',
		injected: '2× socket closed after the create',
		created: N,
		errors: 2,
		message: /The connection to Apideck broke before it answered/,
		requests: N,
	});
});

test('failing read-back after a create is retried (GET): full records, no duplicate', async () => {
	sandbox.faults.serverError({ times: 3, status: 503, method: 'GET' });
	const { items, error } = await create({});
	const full = items.filter((item) => typeof item.json.name === 'string').length;
	check(items, error, {
		scenario: 'Return Full Record, 5xx on read-back',
		injected: '3× 503 on GET',
		created: N,
		errors: 0,
		requests: N,
	});
	expect(full).toBe(N);
});

test('a failed create without continue-on-fail stops with a clear, explained error', async () => {
	sandbox.faults.serverError({ times: 1, status: 500, method: 'POST', processed: true });
	const { items, error } = await create({ returnRecord: false }, false);
	const clear = isClear(error, /failed on purpose/, 'Request: POST /crm/leads');
	verify(
		__filename,
		{
			area: 'Create',
			scenario: '5xx, continue on fail off',
			injected: '1× 500 after the create',
			requests: sandbox.requests.length,
			items: `${items.length} out (run stopped), ${sandbox.store.count('leads')} stored`,
			lost: 0,
			duplicates: duplicateNames(sandbox),
			failures: `1 (${clear ? 'clear' : 'UNCLEAR'}: ${error?.message})`,
		},
		// With items in parallel the items already in flight finish (and are created) before the
		// run stops; no item may start after the failure, so at most one round of requests goes out.
		{
			clear,
			withinOneRound: sandbox.requests.length <= DEFAULT_ITEMS_IN_PARALLEL,
			duplicates: duplicateNames(sandbox),
		},
		{ clear: true, withinOneRound: true, duplicates: 0 },
	);
});

test('a create slower than the timeout: not retried, clear error, no duplicate', async () => {
	sandbox.faults.slow({ times: 2, ms: 2000, method: 'POST' });
	const result = await create({ returnRecord: false, timeout: 1000 });
	// The slow responses arrive after the node gave up; let the sandbox finish them.
	await new Promise((resolve) => setTimeout(resolve, 2100));
	check(result.items, result.error, {
		scenario: 'timeout on POST',
		injected: '2× 2 s response, timeout 1 s',
		created: N,
		errors: 2,
		message: /did not answer in time/,
		requests: N,
	});
});

test('the API key appears nowhere in what the runs produced or logged', () => {
	capture(
		'sandbox error bodies are not output, but the node results are',
		sandbox.store.list('leads'),
	);
	secretScan(__filename, 'Create');
});
