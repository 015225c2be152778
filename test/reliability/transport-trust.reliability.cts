/**
 * The shared core under failure and attack, through the action node with Continue On Fail:
 * a Base URL that redirects to another host, answers that trickle in, IDs "." and "..", an API
 * that echoes the key back in every encoding, and megabyte error bodies. Every input item gets
 * one output (its record or a clear error), nothing is created twice, nothing reaches the other
 * host, and the key appears nowhere.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { closeReceivers, receiver, type Receiver } from '../../sandbox/http/test-receiver.cjs';
import type { RecordedRequest } from '../../sandbox/apideck/index.cjs';
import { eventually } from '../helpers/eventually.cjs';
import { installCapture, releaseCapture, SECRET } from './support/capture.cjs';
import { duplicateNames, run, useReliabilitySandbox } from './support/fixtures.cjs';
import { secretScan } from './support/secret-scan.cjs';
import { verify } from './support/verify.cjs';

installCapture();

const N = 20;
const AREA = 'Transport trust';
const sandbox = useReliabilitySandbox();
let elsewhere: Receiver;
let batch = 0;

beforeAll(async () => {
	elsewhere = await receiver(200, JSON.stringify({ data: { id: 'made-up' } }));
});
afterAll(async () => {
	releaseCapture();
	await closeReceivers();
});
beforeEach(() => {
	sandbox.faults.clear();
	sandbox.clearRequests();
	sandbox.store.clear('leads');
	elsewhere.received.length = 0;
	batch++;
});

const names = () => Array.from({ length: N }, (_, i) => ({ json: { name: `Lead ${batch}-${i}` } }));

const node = (parameters: INodeParameters, input: INodeExecutionData[]) =>
	run(sandbox, { parameters: { resource: 'lead', ...parameters }, input, continueOnFail: true });

const create = (options: INodeParameters = {}) =>
	node(
		{
			operation: 'create',
			name: '={{ $json.name }}',
			options: { returnRecord: false, ...options },
		},
		names(),
	);

/** Input items without an output item, and the error messages of those with one. */
function outcome(items: INodeExecutionData[], inputs: number) {
	const paired = new Set(items.map((item) => (item.pairedItem as { item: number }).item));
	const errors = items
		.filter((item) => item.json.error !== undefined)
		.map((i) => String(i.json.error));
	return { lost: inputs - paired.size, errors };
}

const failures = (errors: string[], clear: number) =>
	errors.length ? `${errors.length} (${clear} clear: ${errors[0].slice(0, 90)})` : '0';

describe.each([301, 302, 303, 307, 308])('a Base URL answering %i', (status) => {
	test('sends nothing on to the other host and fails every item clearly', async () => {
		sandbox.faults.redirect({ status, location: `${elsewhere.url}/crm/leads`, times: Infinity });
		const creates = await create();
		const reads = await node(
			{ operation: 'getAll', returnAll: false, limit: 1 },
			names().map(() => ({ json: {} })),
		);
		const items = [...creates.items, ...reads.items];
		const { lost, errors } = outcome(creates.items, N);
		const readLost = outcome(reads.items, N).lost;
		const allErrors = [...errors, ...outcome(reads.items, N).errors];
		const clear = allErrors.filter((m) => m.includes(`redirect to ${elsewhere.url}`)).length;
		const keyElsewhere = elsewhere.received.filter((r) =>
			JSON.stringify(r).includes(SECRET),
		).length;
		verify(
			__filename,
			{
				area: AREA,
				scenario: `Base URL redirects to another host (${status})`,
				injected: `${N} creates + ${N} reads, each answered ${status}`,
				requests: `${sandbox.requests.length} here, ${elsewhere.received.length} elsewhere`,
				items: `${items.length} out / ${2 * N} in, ${sandbox.store.count('leads')} stored`,
				lost: lost + readLost,
				duplicates: duplicateNames(sandbox),
				failures: failures(allErrors, clear),
			},
			{
				lost: lost + readLost,
				clear,
				reachedElsewhere: elsewhere.received.length,
				keyElsewhere,
				stored: sandbox.store.count('leads'),
			},
			{ lost: 0, clear: 2 * N, reachedElsewhere: 0, keyElsewhere: 0, stored: 0 },
		);
	});
});

/** Whether the client left before the trickled body was complete, once the sandbox knows. */
async function leftEarly(requests: RecordedRequest[]): Promise<number> {
	const trickled = requests.filter((r) => r.trickle);
	await eventually(() => trickled.every((r) => r.trickle!.closed), 'trickled answers to end');
	return trickled.filter((r) => r.trickle!.clientLeft).length;
}

test('creates whose answers trickle in stop at the Timeout, are not sent twice', async () => {
	sandbox.faults.trickle({ everyMs: 100, method: 'POST', times: Infinity });
	const { items } = await create({ timeout: 1000 });
	const { lost, errors } = outcome(items, N);
	const clear = errors.filter((m) => /did not answer in time/.test(m)).length;
	const posts = sandbox.requests.filter((r) => r.method === 'POST');
	const abandoned = await leftEarly(posts);
	verify(
		__filename,
		{
			area: AREA,
			scenario: 'create answers trickle in (1 byte / 100 ms)',
			injected: `${N} creates, Timeout 1 s`,
			requests: posts.length,
			items: `${items.length} out / ${N} in, ${sandbox.store.count('leads')} stored`,
			lost,
			duplicates: duplicateNames(sandbox),
			failures: failures(errors, clear),
		},
		{ lost, clear, posts: posts.length, abandoned, duplicates: duplicateNames(sandbox) },
		{ lost: 0, clear: N, posts: N, abandoned: N, duplicates: 0 },
	);
});

test('reads whose first answer trickles in are read again and all arrive once', async () => {
	const leads = names().map(({ json }) => sandbox.store.insert('leads', json));
	sandbox.faults.trickle({ everyMs: 100, method: 'GET', times: N });
	const { items } = await node(
		{
			operation: 'get',
			id: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			options: { timeout: 1000 },
		},
		leads.map((lead) => ({ json: { id: String(lead.id) } })),
	);
	const { lost, errors } = outcome(items, N);
	const ids = items.map((item) => item.json.id);
	const duplicates = ids.length - new Set(ids).size;
	const abandoned = await leftEarly(sandbox.requests);
	verify(
		__filename,
		{
			area: AREA,
			scenario: 'read answers trickle in once each',
			injected: `${N} reads, first answer 1 byte / 100 ms, Timeout 1 s`,
			requests: sandbox.requests.length,
			items: `${items.length} out / ${N} in`,
			lost,
			duplicates,
			failures: failures(errors, 0),
		},
		{ lost, duplicates, errors: errors.length, abandoned, requests: sandbox.requests.length },
		{ lost: 0, duplicates: 0, errors: 0, abandoned: N, requests: 2 * N },
	);
});

test('IDs ".", ".." and empty are refused per item; the others are read', async () => {
	const valid = sandbox.store.insert('leads', { name: 'Kept' });
	const bad = ['.', '..', ''];
	const ids = Array.from({ length: N }, (_, i) => (i % 4 === 3 ? String(valid.id) : bad[i % 4]));
	const { items } = await node(
		{ operation: 'get', id: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
		ids.map((id) => ({ json: { id } })),
	);
	const { lost, errors } = outcome(items, N);
	const clear = items.filter((item) => {
		const index = (item.pairedItem as { item: number }).item;
		return (
			String(item.json.error ?? '').startsWith('Lead ID is ') &&
			String(item.json.error).endsWith(`(item ${index})`)
		);
	}).length;
	const elsewhereHere = sandbox.requests.filter((r) => r.path !== `/crm/leads/${String(valid.id)}`);
	const refused = ids.filter((id) => bad.includes(id)).length;
	verify(
		__filename,
		{
			area: AREA,
			scenario: 'IDs ".", ".." and empty',
			injected: `${refused} of ${N} items`,
			requests: sandbox.requests.length,
			items: `${items.length} out / ${N} in`,
			lost,
			duplicates: 0,
			failures: failures(errors, clear),
		},
		{ lost, clear, otherEndpoints: elsewhereHere.length, requests: sandbox.requests.length },
		{ lost: 0, clear: refused, otherEndpoints: 0, requests: N - refused },
	);
});

const b64 = (text: string) => Buffer.from(text).toString('base64');

test('an API echoing the key back in every encoding shows it nowhere', async () => {
	sandbox.faults.answer({
		times: Infinity,
		respond: (req) => ({
			status: 400,
			headers: { 'x-apideck-request-id': b64(String(req.headers.authorization)) },
			body: {
				type_name: 'RequestValidationError',
				message: `Rejected ${String(req.headers.authorization)}`,
				detail: {
					json: JSON.stringify({ key: SECRET }),
					url: encodeURIComponent(`key=${SECRET}`),
					basic: `Basic ${b64(`user:${SECRET}`)}`,
					base64: b64(SECRET),
				},
			},
		}),
	});
	const { items, run: record } = await create();
	const { lost, errors } = outcome(items, N);
	const shown = JSON.stringify({ items, record });
	const found = [SECRET, encodeURIComponent(SECRET), b64(SECRET)].filter((form) =>
		shown.includes(form),
	).length;
	verify(
		__filename,
		{
			area: AREA,
			scenario: 'key echoed back: as is, JSON, URL-encoded, base64, Basic',
			injected: `${N} creates answered 400 with the key`,
			requests: sandbox.requests.length,
			items: `${items.length} out / ${N} in`,
			lost,
			duplicates: duplicateNames(sandbox),
			failures: `${errors.length}, key forms found: ${found}`,
		},
		{ lost, errors: errors.length, found },
		{ lost: 0, errors: N, found: 0 },
	);
});

test('5 MB error answers become errors of about 10 KB', async () => {
	const items = 5;
	sandbox.faults.error({
		times: Infinity,
		status: 400,
		typeName: 'RequestValidationError',
		message: 'Invalid Params',
		detail: { rows: ['x'.repeat(5 * 1024 * 1024)] },
	});
	const parameters = { operation: 'create', name: '={{ $json.name }}' };
	const result = await node(parameters, names().slice(0, items));
	const { lost, errors } = outcome(result.items, items);
	// Without Continue On Fail the whole error (description, answer) is kept in the run data.
	const stopped = await run(sandbox, {
		parameters: { resource: 'lead', ...parameters },
		input: names().slice(0, 1),
	});
	const description = stopped.error?.description?.length ?? 0;
	const runKb = Math.round(JSON.stringify(stopped.run).length / 1024);
	verify(
		__filename,
		{
			area: AREA,
			scenario: '5 MB JSON error answers',
			injected: `${items + 1} creates answered with 5 MB`,
			requests: sandbox.requests.length,
			items: `${result.items.length} out / ${items} in; failed run: ${runKb} KB run data`,
			lost,
			duplicates: duplicateNames(sandbox),
			failures: `${errors.length}, description ${description} chars, cut`,
		},
		{
			lost,
			errors: errors.length,
			cut: /\[cut: \d+ more characters\]/.test(stopped.error?.description ?? ''),
			descriptionUnder11k: description < 11_000,
			runUnder100Kb: runKb < 100,
		},
		{ lost: 0, errors: items, cut: true, descriptionUnder11k: true, runUnder100Kb: true },
	);
});

test('the API key appears nowhere in what the runs produced or logged', () => {
	secretScan(__filename, AREA);
});
