/**
 * The trigger under failure and attack: consumer IDs typed with spaces, unsigned events naming
 * another tenant, events arriving together and redelivered after a restart, events without an
 * event_id replayed with new idempotency keys, a record read that never answers, oversized
 * bodies, and activations racing each other next to another unified API's subscription. No
 * event may be lost or run twice, no other tenant's record read, and the key never shown.
 */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { startBlackHole } from '../helpers/black-hole.cjs';
import { startTriggerHost, type TriggerHost } from '../helpers/trigger-host.cjs';
import type { CrmEvent, DeliverOptions, Sandbox } from '../../sandbox/apideck/index.cjs';
import { capture, installCapture, releaseCapture } from './support/capture.cjs';
import { credentialsFor, reliabilitySandbox } from './support/fixtures.cjs';
import { secretScan } from './support/secret-scan.cjs';
import { verify } from './support/verify.cjs';

installCapture();

const N = 50;
const AREA = 'Trigger trust';
let sandbox: Sandbox;
let serial = 0;
const hosts: TriggerHost[] = [];

beforeAll(async () => {
	sandbox = await reliabilitySandbox();
});
beforeEach(() => {
	sandbox.webhooks.clear();
	sandbox.clearRequests();
	sandbox.setLatency(0);
});
afterAll(async () => {
	for (const host of hosts) await host.close();
	await sandbox.close();
	releaseCapture();
});

async function newHost(
	parameters: INodeParameters,
	credentials: ICredentialDataDecryptedObject = {},
): Promise<TriggerHost> {
	const host = await startTriggerHost({
		credentials: { ...credentialsFor(sandbox), ...credentials },
		parameters: { events: ['*'], fetchFullRecord: false, ...parameters },
	});
	hosts.push(host);
	return host;
}

async function activeHost(
	parameters: INodeParameters,
	credentials: ICredentialDataDecryptedObject = {},
): Promise<TriggerHost> {
	const host = await newHost(parameters, credentials);
	await host.activate();
	await host.idle();
	return host;
}

const event = (extra: Partial<CrmEvent> = {}): CrmEvent => ({
	event_type: 'crm.lead.updated',
	entity_id: `lead-${++serial}`,
	consumer_id: 'test-consumer',
	service_id: 'salesforce',
	event_id: `trust-${serial}-${Date.now()}`,
	...extra,
});

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

/** The host's executions from `from` on: how many events are missing and how many ran twice. */
function counts(host: TriggerHost, from: number, expected: readonly string[]) {
	const ran = host.executions.slice(from).map((items) => String(items[0]?.json.entity_id));
	const unique = new Set(ran);
	return {
		lost: expected.filter((id) => !unique.has(id)).length,
		duplicates: ran.length - unique.size,
	};
}

const restart = (host: TriggerHost) => {
	jest.isolateModules(() => {
		const { ApideckCrmTrigger } = require('../../nodes/ApideckCrmTrigger/ApideckCrmTrigger.node');
		host.setNodeType(new ApideckCrmTrigger());
	});
};

test('a credential consumer ID with spaces around it still takes every genuine event', async () => {
	const host = await activeHost({}, { consumerId: ' test-consumer ' });
	const events = Array.from({ length: N }, () => event());
	const statuses = await deliverAll(host, events);
	const { lost, duplicates } = counts(
		host,
		0,
		events.map((e) => e.entity_id),
	);
	verify(
		__filename,
		{
			area: AREA,
			scenario: 'credential consumer ID " test-consumer "',
			injected: `${N} genuine events`,
			requests: statuses.length,
			lost,
			duplicates,
			executions: host.executions.length,
		},
		{ lost, duplicates, executions: host.executions.length },
		{ lost: 0, duplicates: 0, executions: N },
	);
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
	const { lost, duplicates } = counts(
		host,
		0,
		events.map((e) => e.entity_id),
	);
	verify(
		__filename,
		{
			area: AREA,
			scenario: 'unsigned, other consumer, Verify Signature off',
			injected: `${N} made-up events naming other-consumer`,
			requests: statuses.length,
			items: `${crossTenantReads} cross-tenant reads, ${leaked} records leaked`,
			lost,
			duplicates,
			failures: `${explained}/${N} recordError says why`,
			executions: host.executions.length,
		},
		{ crossTenantReads, leaked, explained, lost, duplicates },
		{ crossTenantReads: 0, leaked: 0, explained: N, lost: 0, duplicates: 0 },
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
	const { lost, duplicates } = counts(
		host,
		0,
		all.map((e) => e.entity_id),
	);
	verify(
		__filename,
		{
			area: AREA,
			scenario: '10 concurrent distinct events, restart, redelivered',
			injected: `${rounds} rounds: 10 at once, restart, all 10 again`,
			requests: all.length + redelivered,
			lost,
			duplicates,
			rejected: `${redelivered} redeliveries`,
			executions: host.executions.length,
		},
		{ lost, duplicates, executions: host.executions.length },
		{ lost: 0, duplicates: 0, executions: all.length },
	);
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
	const { lost, duplicates } = counts(
		host,
		0,
		bodies.map((b) => b.payload.entity_id),
	);
	verify(
		__filename,
		{
			area: AREA,
			scenario: 'no event_id, replayed with new idempotency key',
			injected: `${N} events, restart, ${N} replays`,
			requests: 2 * N,
			lost,
			duplicates,
			executions: host.executions.length,
		},
		{ lost, duplicates, executions: host.executions.length },
		{ lost: 0, duplicates: 0, executions: N },
	);
});

test('a record read that never answers still lets the trigger answer in time', async () => {
	const PATIENCE_MS = 12_000; // how long Apideck is taken to wait for the answer
	const COUNT = 10;
	const hole = await startBlackHole();
	try {
		const host = await newHost({ fetchFullRecord: true }, { baseUrl: hole.url });
		const events = Array.from({ length: COUNT }, () => event());
		const answers = await Promise.all(
			events.map(async (e) => {
				const { body, headers } = sandbox.webhooks.buildDelivery(e);
				return await fetch(host.webhookUrl, {
					method: 'POST',
					body,
					headers,
					signal: AbortSignal.timeout(PATIENCE_MS),
				}).then(
					(response) => response.status,
					() => 0,
				);
			}),
		);
		await host.idle();
		const inTime = answers.filter((status) => status === 200).length;
		const explained = host.executions.filter((items) => items[0]?.json.recordError).length;
		const { lost, duplicates } = counts(
			host,
			0,
			events.map((e) => e.entity_id),
		);
		verify(
			__filename,
			{
				area: AREA,
				scenario: 'record read never answers',
				injected: `${COUNT} events, CRM silent`,
				requests: `${hole.connections()} reads`,
				items: `${inTime}/${COUNT} answered within ${PATIENCE_MS / 1000} s`,
				lost,
				duplicates,
				failures: `${explained}/${COUNT} with recordError`,
				executions: host.executions.length,
			},
			{ inTime, explained, lost, duplicates },
			{ inTime: COUNT, explained: COUNT, lost: 0, duplicates: 0 },
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
	const response = await fetch(`${sandbox.url}/webhook/webhooks`, {
		method: 'POST',
		headers: {
			authorization: `Bearer ${sandbox.apiKey}`,
			'x-apideck-app-id': sandbox.appId,
			'content-type': 'application/json',
		},
		body: JSON.stringify({
			unified_api: 'accounting',
			status: 'enabled',
			delivery_url: host.webhookUrl,
			events: ['*'],
		}),
	});
	const accounting = ((await response.json()) as { data: { id: string } }).data.id;
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
