/**
 * Real signed HTTP deliveries from the sandbox to the trigger, answered the way n8n answers.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { TriggerHost } from '../helpers/trigger-host.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';
import type { CrmEvent, DeliverOptions } from '../../sandbox/apideck/index.cjs';
import {
	activeHostFor,
	CONSUMER,
	deliverOnce,
	freshTrigger,
	leadCreated,
	webhookApi,
} from './fixtures.cjs';

const sandbox = useSandbox({ reset: 'none' });
let host: TriggerHost | undefined;

beforeEach(() => sandbox.webhooks.clear());
afterEach(async () => {
	await host?.close();
	host = undefined;
});

async function activeHost(parameters: INodeParameters = {}) {
	host = await activeHostFor(sandbox, parameters);
	return host;
}

const deliver = (event: CrmEvent, options: DeliverOptions = {}) =>
	deliverOnce(sandbox, host!, event, options);

describe('a valid delivery', () => {
	it('starts exactly one execution with the event fields', async () => {
		await activeHost();
		const event = leadCreated({ occurred_at: '2026-01-02T03:04:05.000Z', execution_attempt: 2 });
		const result = await deliver(event);

		expect(result.status).toBe(200);
		expect(JSON.parse(result.body)).toEqual({ message: 'Workflow was started' });
		expect(host!.executions).toHaveLength(1);
		expect(host!.executions[0]).toHaveLength(1);
		expect(host!.executions[0][0].json).toEqual({
			event_type: 'crm.lead.created',
			unified_api: 'crm',
			service_id: 'salesforce',
			consumer_id: CONSUMER,
			event_id: event.event_id,
			entity_id: 'lead-1',
			entity_url: `${sandbox.url}/crm/leads/lead-1`,
			entity_type: 'lead',
			occurred_at: '2026-01-02T03:04:05.000Z',
			execution_attempt: 2,
		});
		expect(host!.runs[0].status).toBe('success');
	});

	it('accepts a base64 digest as well as hex', async () => {
		await activeHost();
		expect((await deliver(leadCreated(), { encoding: 'base64' })).status).toBe(200);
		expect((await deliver(leadCreated(), { encoding: 'hex' })).status).toBe(200);
		expect(host!.executions).toHaveLength(2);
	});

	it('verifies the raw body whatever the key order of the JSON text', async () => {
		await activeHost();
		const payload = { ...leadCreated(), unified_api: 'crm' };
		const reordered = JSON.stringify({
			payload: Object.fromEntries(Object.entries(payload).reverse()),
		});
		expect((await deliver(leadCreated(), { rawBody: reordered })).status).toBe(200);
		expect(host!.executions).toHaveLength(1);
	});
});

describe('signatures', () => {
	it.each([
		['signed with another key', { wrongKey: true }],
		['with a tampered body', { tamper: true }],
		['without the signature header', { omitSignature: true }],
		['with a garbage signature', { headers: { 'x-apideck-signature': 'not-a-digest' } }],
	])('answers 401 and starts nothing when %s', async (_label, options) => {
		await activeHost();
		const result = await deliver(leadCreated(), options);
		expect(result.status).toBe(401);
		expect(result.body).not.toContain(sandbox.apiKey);
		expect(host!.executions).toHaveLength(0);
	});

	it('does not let a refused delivery mark its event as seen', async () => {
		await activeHost();
		const event = leadCreated();
		expect((await deliver(event, { wrongKey: true })).status).toBe(401);
		expect((await deliver(event)).status).toBe(200);
		expect(host!.executions).toHaveLength(1);
	});

	it('accepts unsigned deliveries when Verify Signature is off', async () => {
		await activeHost({ options: { verifySignature: false } });
		expect((await deliver(leadCreated(), { omitSignature: true })).status).toBe(200);
		expect(host!.executions).toHaveLength(1);
	});
});

describe('filters', () => {
	it('ignores another consumer’s events with 200 and no execution', async () => {
		await activeHost();
		const result = await deliver(
			leadCreated({ consumer_id: 'other-consumer', service_id: 'pipedrive' }),
		);
		expect(result.status).toBe(200);
		expect(JSON.parse(result.body).message).toMatch(/another consumer/);
		expect(host!.executions).toHaveLength(0);
	});

	it('takes every consumer with Any Consumer', async () => {
		await activeHost({ consumerFilter: 'any' });
		await deliver(leadCreated({ consumer_id: 'other-consumer' }));
		await deliver(leadCreated());
		expect(host!.executions.map((items) => items[0].json.consumer_id)).toEqual([
			'other-consumer',
			CONSUMER,
		]);
	});

	it('takes only the consumer entered with Specific Consumer', async () => {
		await activeHost({ consumerFilter: 'specific', consumerId: 'other-consumer' });
		await deliver(leadCreated());
		await deliver(leadCreated({ consumer_id: 'other-consumer' }));
		expect(host!.executions.map((items) => items[0].json.consumer_id)).toEqual(['other-consumer']);
	});

	it('ignores events from another connector when a service ID is set', async () => {
		await activeHost({ options: { serviceId: 'hubspot' } });
		const ignored = await deliver(leadCreated({ service_id: 'salesforce' }));
		await deliver(leadCreated({ service_id: 'hubspot' }));
		expect(JSON.parse(ignored.body).message).toMatch(/another connector/);
		expect(host!.executions.map((items) => items[0].json.service_id)).toEqual(['hubspot']);
	});

	it('ignores event types that are not selected, even when Apideck sends them', async () => {
		await activeHost({ events: ['crm.contact.created'] });
		const id = host!.nodeStaticData.webhookId as string;
		// Apideck only sends subscribed types; force one through to prove the node checks too.
		await webhookApi(sandbox, 'PATCH', `/${id}`, { events: ['*'] });
		const ignored = await deliver(leadCreated());
		await deliver(leadCreated({ event_type: 'crm.contact.created', entity_id: 'c-1' }));
		expect(JSON.parse(ignored.body).message).toMatch(/not selected/);
		expect(host!.executions.map((items) => items[0].json.event_type)).toEqual([
			'crm.contact.created',
		]);
	});
});

describe('duplicates', () => {
	it('starts one execution when the same event is delivered again', async () => {
		await activeHost();
		const event = leadCreated();
		const first = await deliver(event);
		const again = await deliver({ ...event, execution_attempt: 2 });
		expect(first.status).toBe(200);
		expect(again.status).toBe(200);
		expect(JSON.parse(again.body).message).toMatch(/already received/);
		expect(host!.executions).toHaveLength(1);
	});

	it('starts one execution when copies of an event arrive at the same time', async () => {
		// Fetching the record keeps each request's copy of static data unsaved for a while.
		await activeHost({ fetchFullRecord: true });
		const lead = sandbox.store.insert('leads', { name: 'Concurrent Lead' });
		const event = leadCreated({ entity_id: lead.id as string, service_id: undefined });
		sandbox.setLatency(50);
		try {
			const results = await Promise.all(
				Array.from({ length: 5 }, () => sandbox.webhooks.deliver(event)),
			);
			await host!.idle();
			expect(results.flat().map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
		} finally {
			sandbox.setLatency(0);
		}
		expect(host!.executions).toHaveLength(1);
		expect(host!.executions[0][0].json.record).toMatchObject({ name: 'Concurrent Lead' });
	});

	it('still recognises a redelivery after a restart (static data survives)', async () => {
		await activeHost();
		const event = leadCreated();
		await deliver(event);
		host!.setNodeType(freshTrigger());
		await deliver(event);
		expect(host!.executions).toHaveLength(1);
	});

	it('keeps its memory of seen events bounded', async () => {
		await activeHost();
		for (let i = 0; i < 150; i++) await deliver(leadCreated());
		const remembered = host!.nodeStaticData.recentEvents as string[];
		expect(host!.executions).toHaveLength(150);
		expect(remembered.length).toBeLessThanOrEqual(100);
		expect(JSON.stringify(host!.staticData).length).toBeLessThan(10_000);
	});
});

describe('malformed bodies', () => {
	it('lets n8n answer 422 to JSON that does not parse, without calling the node', async () => {
		await activeHost();
		const result = await deliver(leadCreated(), { rawBody: '{"payload": {', omitSignature: true });
		expect(result.status).toBe(422);
		expect(host!.executions).toHaveLength(0);
	});

	it('answers 400 to a body that is not JSON when sent as text', async () => {
		await activeHost();
		const result = await deliver(leadCreated(), {
			rawBody: 'event_type=crm.lead.created',
			headers: { 'content-type': 'text/plain' },
		});
		expect(result.status).toBe(400);
		expect(host!.executions).toHaveLength(0);
	});

	it('answers 400 with the problems to a signed body that is not an event', async () => {
		await activeHost();
		const result = await deliver(leadCreated(), {
			rawBody: JSON.stringify({ payload: { event_type: 42 } }),
		});
		expect(result.status).toBe(400);
		expect(JSON.parse(result.body).problems).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^payload\.event_type/),
				expect.stringMatching(/^payload\.entity_id/),
			]),
		);
		expect(host!.executions).toHaveLength(0);
		expect(host!.webhookErrors).toEqual([]);
	});
});
