/**
 * Truto retries deliveries, so one event can arrive several times: it must start one execution,
 * also when copies arrive at once, and after a restart (the keys live in static data too).
 */
import type { TriggerHost } from '../helpers/trigger-host.cjs';
import { useTruto } from '../helpers/use-sandbox.cjs';
import {
	activeTrutoHost,
	deliverOnce,
	freshTrutoTrigger,
	leadCreated,
	messageOf,
} from './fixtures.cjs';

const truto = useTruto({ reset: 'none' });
let host: TriggerHost | undefined;

beforeEach(() => truto.webhooks.clear());
afterEach(async () => {
	truto.setLatency(0);
	await host?.close();
	host = undefined;
});

it('starts one execution for an event delivered twice', async () => {
	host = await activeTrutoHost(truto);
	const event = leadCreated(truto, undefined, { id: 'evt-twice' });
	await deliverOnce(truto, host, event);
	const again = await deliverOnce(truto, host, event);
	expect(again.status).toBe(200);
	expect(messageOf(again)).toBe('Event already received');
	expect(host.executions).toHaveLength(1);
});

it('remembers ten events that arrive at once, also after a restart', async () => {
	// Reading each record keeps every request's copy of the static data unsaved for a while.
	host = await activeTrutoHost(truto, { fetchFullRecord: true });
	const events = Array.from({ length: 10 }, (_, i) => {
		const lead = truto.store.insert('leads', { first_name: `Lead ${i}` });
		return leadCreated(truto, { id: lead.id }, { id: `evt-burst-${i}` });
	});
	truto.setLatency(150);
	await Promise.all(events.map(async (event) => await truto.webhooks.deliver(event)));
	await host.idle();
	expect(host.executions).toHaveLength(10);

	host.setNodeType(freshTrutoTrigger());
	const again = await Promise.all(events.map(async (event) => await truto.webhooks.deliver(event)));
	await host.idle();
	expect(again.flat().map(messageOf)).toEqual(Array(10).fill('Event already received'));
	expect(host.executions).toHaveLength(10);
});

it('starts one execution when two copies of an event arrive at the same moment', async () => {
	host = await activeTrutoHost(truto, { fetchFullRecord: true });
	const lead = truto.store.insert('leads', { first_name: 'Twin' });
	const event = leadCreated(truto, { id: lead.id }, { id: 'evt-twins' });
	truto.setLatency(150);
	const results = await Promise.all([truto.webhooks.deliver(event), truto.webhooks.deliver(event)]);
	await host.idle();
	expect(results.flat().map((r) => r.status)).toEqual([200, 200]);
	expect(host.executions).toHaveLength(1);
});

describe('events without an id', () => {
	const withoutId = (recordId: string) =>
		JSON.stringify({
			event: 'record:updated',
			payload: {
				integrated_account_id: truto.accounts.defaultId(),
				resource: 'leads',
				record: { id: recordId },
			},
			created_at: new Date().toISOString(),
		});

	it('are recognised by the bytes Truto signed, also after a restart', async () => {
		host = await activeTrutoHost(truto);
		const body = withoutId('lead-7');
		await deliverOnce(truto, host, leadCreated(truto), { rawBody: body });
		host.setNodeType(freshTrutoTrigger());
		const retry = await deliverOnce(truto, host, leadCreated(truto), { rawBody: body });
		expect(messageOf(retry)).toBe('Event already received');
		expect(host.executions).toHaveLength(1);
	});

	it('are not taken for one another when their content differs', async () => {
		host = await activeTrutoHost(truto);
		await deliverOnce(truto, host, leadCreated(truto), { rawBody: withoutId('lead-8') });
		await deliverOnce(truto, host, leadCreated(truto), { rawBody: withoutId('lead-9') });
		expect(host.executions).toHaveLength(2);
	});
});

describe('on n8n 2.x, which saves no static data for a request that starts a workflow', () => {
	const n8n2 = { staticDataSaving: 'n8n 2.x' } as const;
	const restartAndRedeliver = async (events: ReturnType<typeof leadCreated>[]) => {
		host!.setNodeType(freshTrutoTrigger());
		const again = [];
		for (const event of events) again.push(await deliverOnce(truto, host!, event));
		return again.map(messageOf);
	};
	const otherAccount = () => {
		const event = leadCreated(truto);
		return {
			...event,
			payload: { ...(event.payload as object), integrated_account_id: 'another-account' },
		};
	};

	it('loses the keys of events that only started workflows (the limit n8n sets)', async () => {
		host = await activeTrutoHost(truto, {}, n8n2);
		const events = [leadCreated(truto, undefined, { id: 'evt-n8n2-a' })];
		await deliverOnce(truto, host, events[0]);
		expect(await restartAndRedeliver(events)).toEqual(['Workflow was started']);
	});

	it('saves every key seen so far with the next event it ignores', async () => {
		host = await activeTrutoHost(truto, {}, n8n2);
		const events = [
			leadCreated(truto, undefined, { id: 'evt-n8n2-b' }),
			leadCreated(truto, undefined, { id: 'evt-n8n2-c' }),
		];
		for (const event of events) await deliverOnce(truto, host, event);
		const ignored = await deliverOnce(truto, host, otherAccount());
		expect(messageOf(ignored)).toMatch(/^Event ignored/);
		expect(await restartAndRedeliver(events)).toEqual(Array(2).fill('Event already received'));
		expect(host.executions).toHaveLength(2);
	});
});
