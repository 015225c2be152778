/**
 * The trigger under failure and attack: consumer IDs typed with spaces, unsigned events naming
 * another tenant, events arriving together and redelivered after a restart, events without an
 * event_id replayed with new idempotency keys, a record read that never answers, oversized
 * bodies, and activations racing each other next to another unified API's subscription. No
 * event may be lost or run twice, no other tenant's record read, and the key never shown.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startBlackHole } from '../helpers/black-hole.cjs';
import type { TriggerHost } from '../helpers/trigger-host.cjs';
import type { CrmEvent, DeliverOptions } from '../../sandbox/apideck/index.cjs';
import {
	activeHostFor,
	freshTrigger,
	hostFor,
	leadCreated,
	postAsApideck,
	webhookApi,
	type HostExtras,
} from '../trigger/fixtures.cjs';
import { capture, installCapture, releaseCapture } from './support/capture.cjs';
import type { Row } from './support/matrix.cjs';
import { useReliabilitySandbox } from './support/fixtures.cjs';
import { secretScan } from './support/secret-scan.cjs';
import { verify } from './support/verify.cjs';

installCapture();

const N = 50;
const AREA = 'Trigger trust';
let serial = 0;
const hosts: TriggerHost[] = [];

const sandbox = useReliabilitySandbox({
	reset: 'requests',
	setup: () => async () => {
		for (const host of hosts) await host.close();
	},
});
beforeEach(() => {
	sandbox.webhooks.clear();
	sandbox.setLatency(0);
});
afterAll(() => releaseCapture());

/** Every host the scenarios start, for the key scan and to close them. */
const track = (host: TriggerHost) => (hosts.push(host), host);
const newHost = async (parameters: INodeParameters, extra: HostExtras = {}) =>
	track(await hostFor(sandbox, { events: ['*'], ...parameters }, extra));
const activeHost = async (parameters: INodeParameters, extra: HostExtras = {}) =>
	track(await activeHostFor(sandbox, parameters, extra));

const event = (extra: Partial<CrmEvent> = {}): CrmEvent =>
	leadCreated({ event_type: 'crm.lead.updated', entity_id: `lead-${++serial}`, ...extra });

/** Delivers all events at once; the answers' statuses, once the host has finished. */
async function deliverAll(
	host: TriggerHost,
	events: CrmEvent[],
	options: (e: CrmEvent) => DeliverOptions = () => ({}),
): Promise<number[]> {
	const results = await Promise.all(events.map((e) => sandbox.webhooks.deliver(e, options(e))));
	await host.idle();
	return results.flat().map((r) => r.status);
}

/**
 * Records and checks a row for scenarios where each of `expected` (entity IDs) must start
 * exactly one execution: nothing lost, nothing run twice, plus any extra counts.
 */
function verifyRanOnce(
	host: TriggerHost,
	expected: readonly string[],
	row: Omit<Row, 'area' | 'lost' | 'duplicates' | 'executions'>,
	extra: { actual: Record<string, unknown>; expected: Record<string, unknown> } = {
		actual: {},
		expected: {},
	},
) {
	const ran = host.executions.map((items) => String(items[0]?.json.entity_id));
	const unique = new Set(ran);
	const lost = expected.filter((id) => !unique.has(id)).length;
	const duplicates = ran.length - unique.size;
	const executions = ran.length;
	verify(
		__filename,
		{ area: AREA, ...row, lost, duplicates, executions },
		{ lost, duplicates, executions, ...extra.actual },
		{ lost: 0, duplicates: 0, executions: expected.length, ...extra.expected },
	);
}

const restart = (host: TriggerHost) => host.setNodeType(freshTrigger());
const ids = (events: CrmEvent[]) => events.map((e) => e.entity_id);

test('a credential consumer ID with spaces around it still takes every genuine event', async () => {
	const host = await activeHost({}, { consumerId: ' test-consumer ' });
	const events = Array.from({ length: N }, () => event());
	const statuses = await deliverAll(host, events);
	verifyRanOnce(host, ids(events), {
		scenario: 'credential consumer ID " test-consumer "',
		injected: `${N} genuine events`,
		requests: statuses.length,
	});
});

test('unsigned events naming another consumer never read that consumer’s records', async () => {
	const host = await activeHost({
		consumerFilter: 'any',
		fetchFullRecord: true,
		options: { verifySignature: false },
	});
	const records = Array.from({ length: N }, (_, i) =>
		sandbox.store.insert(
			'leads',
			{ name: `Other Tenant ${i}` },
			{ consumerId: 'other-consumer', serviceId: 'pipedrive' },
		),
	);
	const events = records.map((record) =>
		event({ consumer_id: 'other-consumer', service_id: 'pipedrive', entity_id: String(record.id) }),
	);
	const statuses = await deliverAll(host, events, () => ({ omitSignature: true }));
	const crossTenantReads = sandbox.requests.filter(
		(r) => r.path.startsWith('/crm/') && r.headers['x-apideck-consumer-id'] === 'other-consumer',
	).length;
	const leaked = host.executions.filter((items) =>
		JSON.stringify(items).includes('Other Tenant'),
	).length;
	const explained = host.executions.filter((items) =>
		/Verify Signature/.test(String((items[0]?.json.recordError as { message?: string })?.message)),
	).length;
	verifyRanOnce(
		host,
		ids(events),
		{
			scenario: 'unsigned, other consumer, Verify Signature off',
			injected: `${N} made-up events naming other-consumer`,
			requests: statuses.length,
			items: `${crossTenantReads} cross-tenant reads, ${leaked} records leaked`,
			failures: `${explained}/${N} recordError says why`,
		},
		{
			actual: { crossTenantReads, leaked, explained },
			expected: { crossTenantReads: 0, leaked: 0, explained: N },
		},
	);
});

test('events arriving ten at a time are each remembered across a restart', async () => {
	const host = await activeHost({ fetchFullRecord: true });
	const rounds = 5;
	const all: CrmEvent[] = [];
	let redelivered = 0;
	for (let round = 0; round < rounds; round++) {
		const events = Array.from({ length: 10 }, () =>
			event({
				entity_id: String(sandbox.store.insert('leads', { name: 'Concurrent' }).id),
				service_id: undefined,
			}),
		);
		all.push(...events);
		// Reading the record keeps every request's copy of the static data unsaved for a while.
		sandbox.setLatency(100);
		await deliverAll(host, events);
		sandbox.setLatency(0);
		restart(host);
		redelivered += (await deliverAll(host, events, () => ({ idempotencyKey: null }))).length;
	}
	verifyRanOnce(host, ids(all), {
		scenario: '10 concurrent distinct events, restart, redelivered',
		injected: `${rounds} rounds: 10 at once, restart, all 10 again`,
		requests: all.length + redelivered,
		rejected: `${redelivered} redeliveries`,
	});
});

test('events without event_id replayed after a restart with new idempotency keys run once', async () => {
	const host = await activeHost({});
	const bodies = Array.from({ length: N }, (_, i) => ({
		payload: {
			event_type: 'crm.contact.updated',
			unified_api: 'crm',
			consumer_id: 'test-consumer',
			service_id: 'salesforce',
			entity_id: `no-id-${++serial}-${i}`,
			occurred_at: new Date(1_767_225_600_000 + serial).toISOString(),
			execution_attempt: 1,
		},
	}));
	const send = (attempt: number) =>
		Promise.all(
			bodies.map(({ payload }) =>
				sandbox.webhooks.deliver(payload, {
					rawBody: JSON.stringify({ payload: { ...payload, execution_attempt: attempt } }),
					idempotencyKey: `replay-${attempt}-${payload.entity_id}`,
				}),
			),
		);
	await send(1);
	await host.idle();
	restart(host);
	await send(2);
	await host.idle();
	verifyRanOnce(
		host,
		bodies.map((b) => b.payload.entity_id),
		{
			scenario: 'no event_id, replayed with new idempotency key',
			injected: `${N} events, restart, ${N} replays`,
			requests: 2 * N,
		},
	);
});

test('a record read that never answers still lets the trigger answer in time', async () => {
	const PATIENCE_MS = 12_000; // how long Apideck is taken to wait for the answer
	const COUNT = 10;
	const hole = await startBlackHole();
	try {
		const host = await newHost({ fetchFullRecord: true }, { credentials: { baseUrl: hole.url } });
		const events = Array.from({ length: COUNT }, () => event());
		const answers = await Promise.all(
			events.map((e) => postAsApideck(sandbox, host, e, PATIENCE_MS)),
		);
		await host.idle();
		const inTime = answers.filter((answer) => answer.status === 200).length;
		const explained = host.executions.filter((items) => items[0]?.json.recordError).length;
		verifyRanOnce(
			host,
			ids(events),
			{
				scenario: 'record read never answers',
				injected: `${COUNT} events, CRM silent`,
				requests: `${hole.connections()} reads`,
				items: `${inTime}/${COUNT} answered within ${PATIENCE_MS / 1000} s`,
				failures: `${explained}/${COUNT} with recordError`,
			},
			{ actual: { inTime, explained }, expected: { inTime: COUNT, explained: COUNT } },
		);
	} finally {
		await hole.close();
	}
});

test('bodies over 256 KB are refused with 413 and start nothing', async () => {
	const host = await activeHost({});
	const big = (e: CrmEvent) =>
		JSON.stringify({ payload: { ...e, padding: 'x'.repeat(256 * 1024) } });
	const events = Array.from({ length: N }, () => event());
	const statuses = await deliverAll(host, events, (e) => ({
		rawBody: big(e),
		omitSignature: events.indexOf(e) % 2 === 0,
	}));
	const rejected = statuses.filter((s) => s === 413).length;
	verify(
		__filename,
		{
			area: AREA,
			scenario: 'bodies over 256 KB (signed and unsigned)',
			injected: `${N} bodies of 256 KB + event`,
			requests: statuses.length,
			rejected: `${rejected}/${N} with 413`,
			executions: host.executions.length,
		},
		{ rejected, executions: host.executions.length, errors: host.webhookErrors.length },
		{ rejected: N, executions: 0, errors: 0 },
	);
});

test('racing activations leave no CRM subscription behind and never touch another API’s', async () => {
	const ROUNDS = 5;
	const RACERS = 4;
	const host = await newHost({ events: ['crm.lead.created'] });
	const { id: accounting } = await webhookApi(sandbox, 'POST', '', {
		unified_api: 'accounting',
		status: 'enabled',
		delivery_url: host.webhookUrl,
		events: ['*'],
	});
	let raced = 0;
	const errors: string[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		sandbox.setLatency(50);
		try {
			await Promise.all(Array.from({ length: RACERS }, () => host.activate()));
			await host.idle();
			raced += sandbox.webhooks.subscriptions().filter((s) => s.unified_api === 'crm').length;
			await Promise.all(Array.from({ length: RACERS }, () => host.deactivate()));
		} catch (error) {
			errors.push((error as Error).message);
			capture('lifecycle error', error);
		}
	}
	const left = sandbox.webhooks.subscriptions();
	const crmLeft = left.filter((s) => s.unified_api === 'crm').length;
	const accountingKept = left.some((s) => s.id === accounting && s.status === 'enabled');
	verify(
		__filename,
		{
			area: AREA,
			scenario: `${RACERS} racing activations, then deactivations`,
			injected: `${ROUNDS} rounds, an accounting subscription to the same URL`,
			requests: sandbox.requests.length,
			items: `${raced} CRM subscriptions created in races`,
			failures: `${errors.length}${errors[0] ? ` (${errors[0]})` : ''}`,
			executions: `${crmLeft} CRM left, accounting ${accountingKept ? 'kept' : 'GONE'}`,
		},
		{ errors, crmLeft, accountingKept },
		{ errors: [], crmLeft: 0, accountingKept: true },
	);
});

test('the API key appears nowhere in what these scenarios produced or logged', () => {
	for (const host of hosts) {
		capture('host', {
			responses: host.responses,
			executions: host.executions,
			errors: host.webhookErrors,
			runs: host.runs,
			staticData: host.staticData,
		});
	}
	secretScan(__filename, AREA);
});
