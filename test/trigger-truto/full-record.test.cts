/**
 * Fetch Full Record: when a record event carries only the record's ID, the trigger reads the
 * record through the Truto adapter for the event's integrated account and resource, within
 * about 4 s, and emits the event either way.
 */
import { startBlackHole, type BlackHole } from '../helpers/black-hole.cjs';
import type { TriggerHost } from '../helpers/trigger-host.cjs';
import { useTruto } from '../helpers/use-sandbox.cjs';
import { activeTrutoHost, deliverOnce, leadCreated, trutoHostFor } from './fixtures.cjs';

const truto = useTruto({ reset: 'requests' });
let host: TriggerHost;

beforeAll(async () => {
	host = await activeTrutoHost(truto, { fetchFullRecord: true, integratedAccountFilter: 'any' });
});
afterAll(async () => {
	await host.close();
});
beforeEach(() => {
	host.executions.length = 0;
	truto.faults.clear();
});

/** A record event of `resource` naming `record` for the account `key`; the emitted item. */
async function emitted(
	resource: string,
	record: unknown,
	key = 'hubspot',
	event = 'record:created',
) {
	const result = await deliverOnce(truto, host, {
		event,
		payload: { integrated_account_id: truto.accounts.id(key), resource, record },
	});
	expect(result.status).toBe(200);
	expect(host.executions).toHaveLength(1);
	return host.executions[0][0].json;
}

const reads = () =>
	truto.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/unified/'));

describe.each([
	['leads', { first_name: 'Ada', last_name: 'Lovelace' }],
	['contacts', { first_name: 'Grace', last_name: 'Hopper' }],
	['accounts', { name: 'Analytical Engines' }],
	['opportunities', { name: 'Big deal' }],
	['tasks', { subject: 'Call back' }],
	['engagement_types', { name: 'Call' }],
])('%s', (resource, fields) => {
	it('reads the record when the event carries only its ID, for the event’s account', async () => {
		const stored = truto.store.insert(resource, fields, 'salesforce');
		const item = await emitted(resource, { id: stored.id }, 'salesforce');

		expect(item.record).toMatchObject({ id: stored.id, ...fields });
		expect(item.recordError).toBeUndefined();
		expect(reads()).toEqual([
			expect.objectContaining({
				path: `/unified/crm/${resource}/${encodeURIComponent(String(stored.id))}`,
				query: { integrated_account_id: truto.accounts.id('salesforce') },
			}),
		]);
	});
});

it('reads nothing when the event carries the record', async () => {
	const item = await emitted('leads', { id: '1', first_name: 'Delivered' });
	expect(item.record).toEqual({ id: '1', first_name: 'Delivered' });
	expect(reads()).toHaveLength(0);
});

it('reads nothing for record:deleted, and emits the ID', async () => {
	const item = await emitted('leads', { id: 'gone-1' }, 'hubspot', 'record:deleted');
	expect(item.record).toEqual({ id: 'gone-1' });
	expect(item.recordError).toBeUndefined();
	expect(reads()).toHaveLength(0);
});

it('reads the record named by a plain ID or record_id', async () => {
	const stored = truto.store.insert('leads', { first_name: 'Plain' });
	expect((await emitted('lead', stored.id)).record).toMatchObject({ first_name: 'Plain' });
	host.executions.length = 0;
	const viaRecordId = await deliverOnce(truto, host, {
		event: 'record:updated',
		payload: {
			integrated_account_id: truto.accounts.defaultId(),
			resource: 'leads',
			record_id: stored.id,
		},
	});
	expect(viaRecordId.status).toBe(200);
	expect(host.executions[0][0].json.record).toMatchObject({ first_name: 'Plain' });
});

describe('when the record cannot be read, the event is still emitted with the reason', () => {
	it('the record is gone', async () => {
		const item = await emitted('leads', { id: 'no-such-lead' });
		expect(item.record).toEqual({ id: 'no-such-lead' });
		expect(item.recordError).toMatchObject({
			message: expect.stringContaining('Could not fetch the record of leads'),
			httpCode: '404',
			hint: expect.stringMatching(/deleted or merged/),
		});
	});

	it('the account is blocked', async () => {
		const item = await emitted('leads', { id: '1' }, 'blocked');
		expect(item.recordError).toMatchObject({ httpCode: '503' });
		expect(reads()).toHaveLength(1);
	});

	it('the CRM wants the account reconnected', async () => {
		const item = await emitted('leads', { id: '1' }, 'expired');
		expect(item.recordError).toMatchObject({ httpCode: '401' });
	});

	it('the CRM keeps failing: one attempt, no retry', async () => {
		truto.faults.serverError({ status: 502, times: 5, method: 'GET', path: /^\/unified\// });
		const item = await emitted('leads', { id: '1' });
		expect(item.recordError).toMatchObject({ httpCode: '502', hint: expect.stringMatching(/4 s/) });
		expect(reads()).toHaveLength(1);
	});

	it.each([
		[
			'an unknown resource',
			'invoices',
			'the event names no CRM resource this trigger knows (invoices)',
		],
		[
			'a resource Truto cannot read one of',
			'stages',
			"Truto's CRM API cannot read a single record of stages",
		],
	])('%s: not fetched, and why', async (_label, resource, reason) => {
		const item = await emitted(resource, { id: '1' });
		expect(item.recordError).toEqual({ message: `Not fetched: ${reason}` });
		expect(reads()).toHaveLength(0);
	});

	it('no integrated account: not fetched, and why', async () => {
		const result = await deliverOnce(truto, host, {
			event: 'record:created',
			payload: { resource: 'leads', record: { id: '1' } },
		});
		expect(result.status).toBe(200);
		expect(host.executions[0][0].json.recordError).toEqual({
			message: 'Not fetched: the event names no integrated account',
		});
	});

	it('the API token never appears in the item', async () => {
		const item = await emitted('leads', { id: 'no-such-lead' }, 'expired');
		expect(JSON.stringify(item)).not.toContain(truto.token);
	});
});

it('reads nothing when Fetch Full Record is off', async () => {
	const off = await activeTrutoHost(truto, { fetchFullRecord: false });
	try {
		await deliverOnce(truto, off, leadCreated(truto, { id: '1' }), {
			webhookId: String(off.nodeStaticData.webhookId),
		});
		expect(off.executions[0][0].json.record).toEqual({ id: '1' });
		expect(reads()).toHaveLength(0);
	} finally {
		await off.deactivate();
		await off.close();
	}
});

describe('a CRM that does not answer', () => {
	let hole: BlackHole;
	beforeAll(async () => {
		hole = await startBlackHole();
	});
	afterAll(async () => {
		await hole.close();
	});

	it('is given up on after about 4 s, and the event is emitted with the reason', async () => {
		// Truto signs and delivers (the sandbox); the record read goes to an API that never answers.
		const slow = await trutoHostFor(
			truto,
			{ fetchFullRecord: true },
			{ credentials: { baseUrl: hole.url } },
		);
		try {
			const secret = 'slow-crm-secret';
			const data = { webhookId: 'w-slow', webhookUrl: slow.webhookUrl, webhookSecret: secret };
			Object.assign(slow.staticData, { [`node:${slow.node.name}`]: data });
			const { body, headers } = truto.webhooks.buildDelivery(leadCreated(truto, { id: '1' }), {
				secret,
			});
			const answer = await fetch(slow.webhookUrl, { method: 'POST', body, headers });
			expect(answer.status).toBe(200);
			await slow.idle();
			expect(slow.executions[0][0].json.recordError).toMatchObject({
				message: expect.stringMatching(/did not answer in time/),
				hint: expect.stringMatching(/Truto CRM node/),
			});
			expect(hole.connections()).toBe(1);
		} finally {
			await slow.close();
		}
	}, 20_000);
});
