/**
 * "Fetch Full Record": the trigger reads the record the event is about through the shared
 * transport, as the event's consumer and connector, and never drops the event when it cannot.
 */
import { randomUUID } from 'node:crypto';

import type { TriggerHost } from '../helpers/trigger-host.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';
import { hostFor } from './fixtures.cjs';

let host: TriggerHost;
const sandbox = useSandbox({
	reset: 'requests',
	async setup(started) {
		host = await hostFor(started, { events: ['*'], consumerFilter: 'any', fetchFullRecord: true });
		await host.activate();
		return () => host.close();
	},
});

const ENTITIES: Array<[entity: string, resource: string, record: Record<string, unknown>]> = [
	['activity', 'activities', { type: 'meeting', title: 'Kick-off' }],
	['company', 'companies', { name: 'Full Record Co' }],
	['contact', 'contacts', { name: 'Fran Full', first_name: 'Fran' }],
	['lead', 'leads', { name: 'Lou Lead', company_name: 'Leadco' }],
	['note', 'notes', { title: 'Call notes', content: 'Spoke about pricing' }],
	['opportunity', 'opportunities', { title: 'Big deal', monetary_amount: 5000 }],
];

beforeEach(() => {
	host.executions.length = 0;
});

async function deliver(
	eventType: string,
	entityId: string,
	consumerId = 'test-consumer',
	serviceId = 'hubspot',
) {
	const [result] = await sandbox.webhooks.deliver({
		event_type: eventType,
		entity_id: entityId,
		consumer_id: consumerId,
		service_id: serviceId,
		event_id: randomUUID(),
	});
	await host.idle();
	expect(result.status).toBe(200);
	expect(host.executions).toHaveLength(1);
	return host.executions[0][0].json;
}

describe.each(ENTITIES)('%s events', (entity, resource, fields) => {
	it.each(['created', 'updated'])(`adds the %s ${entity} under "record"`, async (action) => {
		const stored = sandbox.store.insert(resource, fields, {
			consumerId: 'test-consumer',
			serviceId: 'hubspot',
		});
		const item = await deliver(`crm.${entity}.${action}`, stored.id as string);

		expect(item.record).toMatchObject({ id: stored.id, ...fields });
		expect(item.recordError).toBeUndefined();
		const fetch = sandbox.requests.find(
			(r) => r.method === 'GET' && r.path.startsWith(`/crm/${resource}/`),
		);
		expect(fetch?.path).toBe(`/crm/${resource}/${encodeURIComponent(stored.id as string)}`);
		expect(fetch?.headers).toMatchObject({
			'x-apideck-consumer-id': 'test-consumer',
			'x-apideck-service-id': 'hubspot',
		});
	});

	it(`does not fetch for crm.${entity}.deleted`, async () => {
		const item = await deliver(`crm.${entity}.deleted`, 'gone-1');
		expect(item).toMatchObject({ event_type: `crm.${entity}.deleted`, entity_id: 'gone-1' });
		expect(item.record).toBeUndefined();
		expect(item.recordError).toBeUndefined();
		expect(sandbox.requests.filter((r) => r.path.startsWith('/crm/'))).toHaveLength(0);
	});

	it(`still emits the event, with the reason, when the ${entity} was removed before the fetch`, async () => {
		const stored = sandbox.store.insert(resource, fields, {
			consumerId: 'test-consumer',
			serviceId: 'hubspot',
		});
		sandbox.store.remove(resource, stored.id as string, {
			consumerId: 'test-consumer',
			serviceId: 'hubspot',
		});
		const item = await deliver(`crm.${entity}.updated`, stored.id as string);

		expect(item).toMatchObject({ event_type: `crm.${entity}.updated`, entity_id: stored.id });
		expect(item.record).toBeUndefined();
		expect(item.recordError).toMatchObject({
			message: expect.stringContaining(`Could not fetch the ${entity}`),
			httpCode: '404',
			hint: expect.stringMatching(/deleted/),
		});
	});
});

describe('fetch failures', () => {
	it('reads the record of another consumer as that consumer', async () => {
		const stored = sandbox.store.insert(
			'leads',
			{ name: 'Other Tenant' },
			{ consumerId: 'other-consumer', serviceId: 'pipedrive' },
		);
		const item = await deliver(
			'crm.lead.created',
			stored.id as string,
			'other-consumer',
			'pipedrive',
		);
		expect(item.record).toMatchObject({ name: 'Other Tenant' });
	});

	it('explains a 404 for an ID the CRM never had', async () => {
		const item = await deliver('crm.contact.created', 'no-such-contact');
		expect(item.recordError).toMatchObject({
			httpCode: '404',
			description: expect.stringContaining('EntityNotFoundError'),
		});
	});

	it('explains a connection that does not exist, without the API key', async () => {
		const item = await deliver('crm.lead.updated', '1', 'test-consumer', 'zoho');
		expect(item.recordError).toMatchObject({
			message: expect.stringContaining('Could not fetch the lead'),
		});
		expect(JSON.stringify(item)).not.toContain(sandbox.apiKey);
	});

	it('emits the event when the CRM keeps failing, after a short bounded retry', async () => {
		const stored = sandbox.store.insert(
			'companies',
			{ name: 'Flaky' },
			{ consumerId: 'test-consumer', serviceId: 'hubspot' },
		);
		sandbox.faults.serverError({
			status: 503,
			times: 10,
			method: 'GET',
			path: /^\/crm\/companies\//,
		});
		try {
			const started = Date.now();
			const item = await deliver('crm.company.updated', stored.id as string);
			expect(Date.now() - started).toBeLessThan(5_000);
			expect(item.recordError).toMatchObject({ httpCode: '503' });
		} finally {
			sandbox.faults.clear();
		}
	});

	it('skips the fetch when Fetch Full Record is off', async () => {
		const off = await hostFor(sandbox, { events: ['*'], fetchFullRecord: false });
		try {
			await off.activate();
			await sandbox.webhooks.deliver(
				{ event_type: 'crm.lead.created', entity_id: '1', event_id: randomUUID() },
				{},
			);
			await off.idle();
			expect(off.executions).toHaveLength(1);
			expect(off.executions[0][0].json.record).toBeUndefined();
		} finally {
			await off.deactivate();
			await off.close();
		}
	});
});
