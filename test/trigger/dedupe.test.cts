/**
 * Duplicates must be recognised across concurrent requests and restarts. n8n gives every webhook
 * request its own copy of the static data and saves that whole copy afterwards, so the copy
 * saved last is the only one that survives.
 */
import type { TriggerHost } from '../helpers/trigger-host.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';
import { activeHostFor, CONSUMER, deliverOnce, freshTrigger, leadCreated } from './fixtures.cjs';

const sandbox = useSandbox();
let host: TriggerHost | undefined;

beforeEach(() => sandbox.webhooks.clear());
afterEach(async () => {
	sandbox.setLatency(0);
	await host?.close();
	host = undefined;
});

it('remembers ten different events that arrive at once, also after a restart', async () => {
	// Reading the record keeps every request's copy of the static data unsaved for a while.
	host = await activeHostFor(sandbox, { fetchFullRecord: true });
	const events = Array.from({ length: 10 }, (_, i) => {
		const lead = sandbox.store.insert('leads', { name: `Lead ${i}` });
		return leadCreated({ entity_id: lead.id as string, service_id: undefined });
	});
	sandbox.setLatency(200);
	await Promise.all(events.map((event) => sandbox.webhooks.deliver(event)));
	await host.idle();
	expect(host.executions).toHaveLength(10);

	host.setNodeType(freshTrigger());
	const again = await Promise.all(
		events.map((event) => sandbox.webhooks.deliver({ ...event, execution_attempt: 2 })),
	);
	await host.idle();
	expect(again.flat().map((r) => JSON.parse(r.body).message)).toEqual(
		Array(10).fill('Event already received'),
	);
	expect(host.executions).toHaveLength(10);
});

describe('events without an event_id', () => {
	const withoutEventId = (entityId: string, attempt = 1) =>
		JSON.stringify({
			payload: {
				event_type: 'crm.lead.updated',
				unified_api: 'crm',
				service_id: 'salesforce',
				consumer_id: CONSUMER,
				entity_id: entityId,
				entity_type: 'lead',
				occurred_at: '2026-03-04T05:06:07.000Z',
				execution_attempt: attempt,
			},
		});

	it('are recognised by their signed content, whatever the idempotency key says', async () => {
		host = await activeHostFor(sandbox, {});
		const event = leadCreated();
		await deliverOnce(sandbox, host, event, {
			rawBody: withoutEventId('lead-7'),
			idempotencyKey: 'k-1',
		});
		host.setNodeType(freshTrigger());
		const retry = await deliverOnce(sandbox, host, event, {
			rawBody: withoutEventId('lead-7', 2),
			idempotencyKey: 'k-2',
		});
		expect(JSON.parse(retry.body).message).toBe('Event already received');
		expect(host.executions).toHaveLength(1);
	});

	it('are not taken for one another because they share an idempotency key', async () => {
		host = await activeHostFor(sandbox, {});
		const event = leadCreated();
		await deliverOnce(sandbox, host, event, {
			rawBody: withoutEventId('lead-8'),
			idempotencyKey: 'same',
		});
		await deliverOnce(sandbox, host, event, {
			rawBody: withoutEventId('lead-9'),
			idempotencyKey: 'same',
		});
		expect(host.executions.map((items) => items[0].json.entity_id)).toEqual(['lead-8', 'lead-9']);
	});
});

it('bounds what it stores in bytes: long event IDs are kept as hashes', async () => {
	host = await activeHostFor(sandbox, {});
	const longId = (i: number) => `${i}-${'é'.repeat(150)}`;
	for (let i = 0; i < 110; i++)
		await deliverOnce(sandbox, host, leadCreated({ event_id: longId(i) }));
	expect(host.executions).toHaveLength(110);
	expect(Buffer.byteLength(JSON.stringify(host.staticData))).toBeLessThan(8_000);

	host.setNodeType(freshTrigger());
	const again = await deliverOnce(sandbox, host, leadCreated({ event_id: longId(109) }));
	expect(JSON.parse(again.body).message).toBe('Event already received');
	expect(host.executions).toHaveLength(110);
});

describe('on n8n 2.x, which saves no static data for a request that starts a workflow', () => {
	const n8n2 = { staticDataSaving: 'n8n 2.x' } as const;
	const restartAndRedeliver = async (events: ReturnType<typeof leadCreated>[]) => {
		host!.setNodeType(freshTrigger());
		const again = [];
		for (const event of events)
			again.push(await deliverOnce(sandbox, host!, { ...event, execution_attempt: 2 }));
		return again.map((result) => JSON.parse(result.body).message as string);
	};

	it('loses the keys of events that only started workflows (the limit n8n sets)', async () => {
		host = await activeHostFor(sandbox, {}, n8n2);
		const events = [leadCreated(), leadCreated()];
		for (const event of events) await deliverOnce(sandbox, host, event);
		expect(host.nodeStaticData.recentEvents).toBeUndefined();
		expect(await restartAndRedeliver(events)).toEqual([
			'Workflow was started',
			'Workflow was started',
		]);
	});

	it('saves every key seen so far with the next event it ignores', async () => {
		host = await activeHostFor(sandbox, {}, n8n2);
		const events = [leadCreated(), leadCreated()];
		for (const event of events) await deliverOnce(sandbox, host, event);
		const ignored = await deliverOnce(
			sandbox,
			host,
			leadCreated({ consumer_id: 'other-consumer' }),
		);
		expect(JSON.parse(ignored.body).message).toMatch(/^Event ignored/);
		expect(await restartAndRedeliver(events)).toEqual(Array(2).fill('Event already received'));
		expect(host.executions).toHaveLength(2);
	});

	it('saves every key seen so far with the next duplicate it drops', async () => {
		host = await activeHostFor(sandbox, {}, n8n2);
		const events = [leadCreated(), leadCreated()];
		for (const event of events) await deliverOnce(sandbox, host, event);
		const duplicate = await deliverOnce(sandbox, host, { ...events[1], execution_attempt: 2 });
		expect(JSON.parse(duplicate.body).message).toBe('Event already received');
		expect(await restartAndRedeliver(events)).toEqual(Array(2).fill('Event already received'));
		expect(host.executions).toHaveLength(2);
	});

	it('writes nothing when an ignored event has no new key to save', async () => {
		host = await activeHostFor(sandbox, {}, n8n2);
		await deliverOnce(sandbox, host, leadCreated());
		await deliverOnce(sandbox, host, leadCreated({ consumer_id: 'other-consumer' }));
		const saved = host.staticData;
		await deliverOnce(sandbox, host, leadCreated({ consumer_id: 'other-consumer' }));
		expect(host.staticData).toBe(saved);
	});
});
