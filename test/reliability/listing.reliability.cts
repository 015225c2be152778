/**
 * Get Many with Return All over 2,000 leads (10 pages of 200) while the sandbox misbehaves:
 * every run either returns all 2,000 records exactly once, or fails with a clear error and no
 * partial output.
 */
import { ApideckCrm } from '../../nodes/ApideckCrm/ApideckCrm.node';
import { capture, installCapture, releaseCapture } from './support/capture.cjs';
import { isClear, run, seedLeads, useReliabilitySandbox } from './support/fixtures.cjs';
import { listScenarios } from './support/list-scenarios.cjs';
import { secretScan } from './support/secret-scan.cjs';
import { verify } from './support/verify.cjs';

installCapture();

const TOTAL = 2000;
const PAGES = TOTAL / 200;
const sandbox = useReliabilitySandbox({ setup: (started) => seedLeads(started, TOTAL) });
afterAll(() => releaseCapture());
beforeEach(() => {
	sandbox.faults.clear();
	sandbox.clearRequests();
	sandbox.setLatency(0);
	sandbox.setRateLimit(undefined);
});

const list = (extra: Record<string, unknown> = {}, continueOnFail = false) =>
	run(sandbox, {
		parameters: { resource: 'lead', operation: 'getAll', returnAll: true, ...extra },
		continueOnFail,
	});
const listRequests = () => sandbox.requests.filter((r) => r.path === '/crm/leads').length;
const row = (scenario: string, injected: string) => ({ area: 'Get Many', scenario, injected });

/** Adds a fault once `count` list requests have arrived, i.e. in the middle of the paging. */
function injectAfter(count: number, inject: () => void): Promise<void> {
	return new Promise((resolve) => {
		const timer = setInterval(() => {
			if (listRequests() >= count) {
				clearInterval(timer);
				inject();
				resolve();
			}
		}, 1);
	});
}

const {
	all: expectAll,
	clearFailure: expectClearFailure,
	throughRateLimit,
} = listScenarios({
	file: __filename,
	area: 'Get Many',
	total: TOTAL,
	request: 'GET /crm/leads',
	list: (extra: Record<string, unknown> = {}) => list(extra),
	requests: listRequests,
});

test('control: no fault', async () => {
	await expectAll('control', 'none', PAGES);
});

test('429 storm on one page, Retry-After 1 s, within the retry budget', async () => {
	sandbox.faults.rateLimit({ times: 4, retryAfterSeconds: 1, path: '/crm/leads' });
	await expectAll('429 storm (4 in a row)', '4× 429, Retry-After: 1', PAGES + 4);
});

test('429 storm across pages from a 3 requests/s limit', async () => {
	sandbox.setRateLimit(3);
	await throughRateLimit('429 storm (rate limit)', 'limit 3 req/s, Retry-After', PAGES);
});

test('429 storm longer than the retry budget fails clearly', async () => {
	sandbox.faults.rateLimit({ times: 5, retryAfterSeconds: 0, path: '/crm/leads' });
	await expectClearFailure(
		'429 storm (5 in a row)',
		'5× 429, Retry-After: 0',
		/after 5 attempts/,
		5,
	);
});

test('a Retry-After beyond the retry budget fails at once, clearly', async () => {
	sandbox.faults.rateLimit({ times: 1, retryAfterSeconds: 120, path: '/crm/leads' });
	const { error } = await list();
	const budget = String(error?.description ?? '').includes('retry budget');
	await expect(Promise.resolve(budget)).resolves.toBe(true);
	sandbox.clearRequests();
	sandbox.faults.rateLimit({ times: 1, retryAfterSeconds: 120, path: '/crm/leads' });
	await expectClearFailure(
		'429, Retry-After > budget',
		'1× 429, Retry-After: 120',
		/rate limit/i,
		1,
	);
});

test('5xx burst within the retry budget', async () => {
	sandbox.faults.serverError({ times: 3, status: 503, path: '/crm/leads' });
	await expectAll('5xx burst (3 in a row)', '3× 503', PAGES + 3);
});

test('5xx burst beyond the retry budget fails clearly', async () => {
	sandbox.faults.serverError({ times: 5, status: 500, path: '/crm/leads' });
	await expectClearFailure('5xx burst (5 in a row)', '5× 500', /after 5 attempts/, 5);
});

test('malformed JSON body on a page is retried', async () => {
	sandbox.faults.malformedJson({ times: 1, path: '/crm/leads' });
	await expectAll('malformed JSON', '1× truncated 200 body', PAGES + 1);
});

test('malformed JSON on every attempt fails clearly', async () => {
	sandbox.faults.malformedJson({ times: 5, path: '/crm/leads' });
	await expectClearFailure(
		'malformed JSON (5 in a row)',
		'5× truncated 200 body',
		/after 5 attempts/,
		5,
	);
});

test('a dropped connection on a page is retried', async () => {
	sandbox.faults.hangUp({ times: 1, path: '/crm/leads' });
	await expectAll('connection dropped', '1× socket closed', PAGES + 1);
});

test('an invalid cursor in the middle of the list fails clearly, without partial output', async () => {
	sandbox.setLatency(20);
	const injected = injectAfter(3, () => sandbox.faults.invalidCursor({ path: '/crm/leads' }));
	await expectClearFailure(
		'invalid cursor (page 4)',
		'400 InvalidCursorError',
		/cursor is invalid/,
		4,
	);
	await injected;
});

test('an invalid cursor with continue-on-fail gives one error item, not partial records', async () => {
	sandbox.setLatency(20);
	const injected = injectAfter(3, () => sandbox.faults.invalidCursor({ path: '/crm/leads' }));
	const { items, error } = await list({}, true);
	await injected;
	const errorItems = items.filter((item) => item.json.error !== undefined).length;
	verify(
		__filename,
		{
			...row('invalid cursor, continue on fail', '400 InvalidCursorError'),
			requests: listRequests(),
			items: `${items.length} (error item)`,
			lost: 0,
			duplicates: 0,
			failures: `${errorItems} (${String(items[0]?.json.error)})`,
		},
		{
			error: error?.message,
			out: items.length,
			errorItems,
			clear: /cursor is invalid/.test(String(items[0]?.json.error)),
		},
		{ error: undefined, out: 1, errorItems: 1, clear: true },
	);
});

test('a repeating cursor stops with a clear error instead of looping or duplicating', async () => {
	sandbox.setLatency(20);
	const injected = injectAfter(2, () => sandbox.faults.repeatCursor({ path: '/crm/leads' }));
	await expectClearFailure('repeating cursor (page 3)', 'next = current cursor', /same page/, 3);
	await injected;
});

test('a repeating cursor with Include Raw Response stops too (no duplicate records)', async () => {
	sandbox.setLatency(20);
	const injected = injectAfter(2, () => sandbox.faults.repeatCursor({ path: '/crm/leads' }));
	await expectClearFailure('repeating cursor, raw=true', 'next = current cursor', /same page/, 3, {
		options: { raw: true },
	});
	await injected;
});

describe("timeouts (the node's Timeout option)", () => {
	const probe = (timeout: number) => list({ options: { timeout } });

	test('a page slower than the timeout is retried', async () => {
		sandbox.faults.slow({ times: 1, ms: 2000, path: '/crm/leads' });
		await expectAll('timeout on one page', '1× 2 s response, timeout 1 s', PAGES + 1, {
			options: { timeout: 1000 },
		});
	});

	test('a list that always times out fails clearly', async () => {
		sandbox.faults.slow({ times: 5, ms: 2000, path: '/crm/leads' });
		const { items, error } = await probe(1000);
		const clear = isClear(error, /did not answer in time.*after 5 attempts/, 'GET /crm/leads');
		verify(
			__filename,
			{
				...row('timeout on every attempt', '5× 2 s response, timeout 1 s'),
				requests: listRequests(),
				items: `${items.length} (no partial output)`,
				lost: 0,
				duplicates: 0,
				failures: `1 (${clear ? 'clear' : 'UNCLEAR'}: ${error?.message})`,
			},
			{ clear, out: items.length, requests: listRequests() },
			{ clear: true, out: 0, requests: 5 },
		);
	});
});

test('the API key appears nowhere in what the runs produced or logged', () => {
	capture('Apideck CRM description', new ApideckCrm().description);
	secretScan(__filename, 'Get Many');
});
