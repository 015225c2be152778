/**
 * The Truto transport under faults, through the Truto CRM node: Get Many with Return All over
 * 1,000 contacts (10 pages of 100) and creates, while the Truto sandbox misbehaves. Every run
 * either returns every record exactly once (writes: each record exactly once), or fails with a
 * clear error and no partial output; the API token never appears in anything captured.
 */
import type { INodeParameters } from 'n8n-workflow';

import { trutoCredentials } from '../helpers/sandbox-credentials.cjs';
import { useTruto } from '../helpers/use-sandbox.cjs';
import { installCapture, releaseCapture, SECRET } from './support/capture.cjs';
import { isClear, runCaptured } from './support/fixtures.cjs';
import { listScenarios } from './support/list-scenarios.cjs';
import { secretScan } from './support/secret-scan.cjs';
import { verify } from './support/verify.cjs';

installCapture();

const TOTAL = 1000;
const PAGES = TOTAL / 100;
const PATH = '/unified/crm/contacts';
const sandbox = useTruto({
	token: SECRET,
	reset: 'none',
	setup: (started) => {
		started.store.insertMany(
			'contacts',
			Array.from({ length: TOTAL }, (_, i) => ({ first_name: `C${i}`, last_name: 'Reliable' })),
		);
	},
});
afterAll(() => releaseCapture());
beforeEach(() => {
	sandbox.faults.clear();
	sandbox.clearRequests();
	sandbox.setRateLimit(undefined);
});

const node = (parameters: INodeParameters, credentials = {}) =>
	runCaptured({
		type: 'trutoCrm',
		parameters,
		credentials: trutoCredentials(sandbox, credentials),
	});
const list = (credentials = {}) =>
	node({ resource: 'contact', operation: 'getAll', returnAll: true }, credentials);
const listRequests = () =>
	sandbox.requests.filter((r) => r.path === PATH && r.method === 'GET').length;
const row = (scenario: string, injected: string) => ({
	area: 'Truto transport',
	scenario,
	injected,
});

const {
	all: expectAll,
	clearFailure: expectClearFailure,
	throughRateLimit,
} = listScenarios({
	file: __filename,
	area: 'Truto transport',
	total: TOTAL,
	request: `GET ${PATH}`,
	list: (credentials: Record<string, unknown> = {}) => list(credentials),
	requests: listRequests,
});

test('control: no fault', async () => {
	await expectAll('control', 'none', PAGES);
});

test('429 storm on one page, Retry-After, within the retry budget', async () => {
	sandbox.faults.rateLimit({ times: 4, retryAfterSeconds: 1, path: PATH });
	await expectAll('429 storm (4 in a row)', '4× remote 429, Retry-After: 1', PAGES + 4);
});

test('429 storm across pages from a 4 requests/s limit', async () => {
	sandbox.setRateLimit(4);
	await throughRateLimit(
		'429 storm (rate limit)',
		'limit 4 req/s, Retry-After, ratelimit-*',
		PAGES,
	);
});

test('429 storm longer than the retry budget fails clearly', async () => {
	sandbox.faults.rateLimit({ times: 5, retryAfterSeconds: 0, remote: false, path: PATH });
	await expectClearFailure(
		'429 storm (5 in a row)',
		"5× Truto's 429, Retry-After: 0",
		/^Truto's rate limit was reached.*after 5 attempts/,
		5,
	);
});

test('5xx burst from the CRM on a page is retried', async () => {
	sandbox.faults.serverError({ times: 3, status: 502, remote: true, path: PATH });
	await expectAll('5xx burst (3 in a row)', '3× remote 502', PAGES + 3);
});

test('a blocked integrated account (503) fails at once, clearly', async () => {
	await expectClearFailure(
		'blocked account',
		'503 from Truto',
		/^The integrated account is blocked in Truto/,
		1,
		{ integratedAccountId: sandbox.accounts.id('blocked') },
	);
});

test('malformed JSON pages are retried', async () => {
	sandbox.faults.malformedJson({ times: 2, path: PATH });
	await expectAll('malformed JSON (2 pages)', '2× truncated JSON body', PAGES + 2);
});

test('malformed JSON on every attempt fails clearly', async () => {
	sandbox.faults.malformedJson({ times: 5, path: PATH });
	await expectClearFailure(
		'malformed JSON (5 in a row)',
		'5× truncated JSON body',
		/^Truto failed to answer \(after 5 attempts\)/,
		5,
	);
});

test('a repeating cursor stops the run clearly instead of looping', async () => {
	sandbox.faults.repeatCursor({ times: Infinity, path: PATH });
	await expectClearFailure(
		'repeating cursor',
		'next_cursor = current cursor',
		/^Truto kept returning the same page/,
		2,
	);
});

test('creates through a 429 storm: every record exactly once', async () => {
	const before = sandbox.store.count('leads');
	sandbox.faults.rateLimit({ times: 6, retryAfterSeconds: 0, path: '/unified/crm/leads' });
	const input = Array.from({ length: 20 }, (_, n) => ({ json: { n } }));
	const result = await runCaptured({
		type: 'trutoCrm',
		parameters: {
			resource: 'lead',
			operation: 'create',
			additionalFields: { first_name: '={{ "Storm " + $json.n }}' },
		},
		input,
		credentials: trutoCredentials(sandbox),
	});
	const names = sandbox.store
		.list('leads')
		.map((lead) => String(lead.first_name))
		.filter((name) => name.startsWith('Storm '));
	const duplicates = names.length - new Set(names).size;
	verify(
		__filename,
		{
			...row('creates through 429s', '6× remote 429 among 20 creates'),
			requests: sandbox.requests.length,
			items: `${result.items.length}/20`,
			lost: 20 - new Set(names).size,
			duplicates,
			failures: result.error ? `1 (${result.error.message})` : '0',
		},
		{ error: result.error?.message, created: sandbox.store.count('leads') - before, duplicates },
		{ error: undefined, created: 20, duplicates: 0 },
	);
});

test('a create whose answer fails (500 after the write) is not repeated and says so', async () => {
	const before = sandbox.store.count('leads');
	sandbox.faults.serverError({ status: 500, processed: true, path: '/unified/crm/leads' });
	const { error } = await node({
		resource: 'lead',
		operation: 'create',
		additionalFields: { first_name: 'Maybe' },
	});
	const clear = isClear(error, /^Truto failed to answer/, 'POST /unified/crm/leads');
	const said = /may have carried out this request/.test(String(error?.description));
	verify(
		__filename,
		{
			...row('create, answer lost', '500 after the write'),
			requests: sandbox.requests.length,
			items: '0 (error)',
			lost: 0,
			duplicates: sandbox.store.count('leads') - before - 1,
			failures: `1 (${clear && said ? 'clear, says it may have happened' : 'UNCLEAR'})`,
		},
		{
			clear,
			said,
			created: sandbox.store.count('leads') - before,
			requests: sandbox.requests.length,
		},
		{ clear: true, said: true, created: 1, requests: 1 },
	);
});

test('a wrong token fails clearly without repeating it', async () => {
	const wrong = `${SECRET}-not`;
	const { error } = await list({ apiToken: wrong });
	const clear = isClear(error, /^Truto rejected the API token/, `GET ${PATH}`);
	verify(
		__filename,
		{
			...row('wrong token', '401 from Truto'),
			requests: listRequests(),
			items: '0 (error)',
			failures: `1 (${clear ? 'clear' : 'UNCLEAR'})`,
		},
		{ clear, requests: listRequests() },
		{ clear: true, requests: 1 },
	);
});

test('the API token appears in nothing captured', () => {
	secretScan(__filename, 'Truto transport');
});
