/**
 * Real signed HTTP deliveries from the Truto sandbox to the trigger, answered the way n8n
 * answers: signatures, Truto's test event, filters, the replay window and bad bodies.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { TriggerHost } from '../helpers/trigger-host.cjs';
import { useTruto } from '../helpers/use-sandbox.cjs';
import type { DeliverOptions, TrutoEvent } from '../../sandbox/truto/index.cjs';
import { activeTrutoHost, deliverOnce, leadCreated, messageOf } from './fixtures.cjs';

const truto = useTruto({ reset: 'none' });
let host: TriggerHost | undefined;

beforeEach(() => truto.webhooks.clear());
afterEach(async () => {
	await host?.close();
	host = undefined;
});

async function activeHost(parameters: INodeParameters = {}) {
	host = await activeTrutoHost(truto, parameters);
	return host;
}

const deliver = async (event: TrutoEvent, options: DeliverOptions = {}) =>
	await deliverOnce(truto, host!, event, options);

const account = (key: string) => truto.accounts.id(key);

describe('a genuine delivery', () => {
	it('starts one execution with the event as delivered and what the trigger read of it', async () => {
		await activeHost();
		const event = leadCreated(truto, { id: '42', first_name: 'Ada' }, { id: 'evt-1' });
		const result = await deliver(event);

		expect(result.status).toBe(200);
		expect(messageOf(result)).toBe('Workflow was started');
		expect(host!.executions).toHaveLength(1);
		const item = host!.executions[0];
		expect(item).toHaveLength(1);
		expect(item[0].json).toEqual({
			id: 'evt-1',
			event: 'record:created',
			payload: event.payload,
			environment_id: truto.environmentId,
			webhook_id: host!.nodeStaticData.webhookId,
			created_at: expect.any(String),
			integrated_account_id: account('hubspot'),
			resource: 'leads',
			record: { id: '42', first_name: 'Ada' },
		});
		expect(host!.runs[0].status).toBe('success');
	});

	it.each(['hex', 'base64'] as const)('accepts a %s digest', async (encoding) => {
		await activeHost();
		expect((await deliver(leadCreated(truto), { encoding })).status).toBe(200);
		expect(host!.executions).toHaveLength(1);
	});

	it('reads the event type from event_type, where Truto calls it that', async () => {
		await activeHost();
		await deliver(leadCreated(truto, undefined, { event: 'record:updated' }), {
			eventField: 'event_type',
		});
		expect(host!.executions[0][0].json).toMatchObject({
			event_type: 'record:updated',
			event: 'record:updated',
		});
	});

	it('checks the bytes as sent: other spacing and key order are fine when signed so', async () => {
		await activeHost();
		const body = JSON.stringify(
			{
				payload: {
					record: { id: '7' },
					resource: 'lead',
					integrated_account_id: account('hubspot'),
				},
				created_at: new Date().toISOString(),
				event: 'record:created',
				id: 'evt-spaced',
			},
			null,
			2,
		);
		expect((await deliver(leadCreated(truto), { rawBody: body })).status).toBe(200);
		expect(host!.executions[0][0].json).toMatchObject({ id: 'evt-spaced', resource: 'leads' });
	});
});

describe('signatures', () => {
	it.each<[string, DeliverOptions]>([
		['signed with another secret', { wrongSecret: true }],
		[
			'signed with the secret of another webhook',
			{ wrongSecret: 'c0ffee00-0000-4000-8000-00000000beef' },
		],
		['with a tampered body', { tamper: true }],
		[
			'with its signature reused on another event',
			{ tamper: (b) => b.replace('record:created', 'record:deleted') },
		],
		['without the signature header', { omitSignature: true }],
		['with a garbage signature', { headers: { 'x-truto-signature': 'format=sha256,v=nope' } }],
		[
			'with another digest format',
			{ headers: { 'x-truto-signature': `format=md5,v=${'a'.repeat(32)}` } },
		],
	])('answers 401 and starts nothing when %s', async (_label, options) => {
		await activeHost();
		const result = await deliver(leadCreated(truto), options);
		expect(result.status).toBe(401);
		expect(messageOf(result)).toMatch(/x-truto-signature/);
		expect(result.body).not.toContain(String(host!.nodeStaticData.webhookSecret));
		expect(host!.executions).toHaveLength(0);
	});

	it('does not let a refused delivery mark its event as seen', async () => {
		await activeHost();
		const event = leadCreated(truto, undefined, { id: 'evt-refused-first' });
		expect((await deliver(event, { wrongSecret: true })).status).toBe(401);
		expect((await deliver(event)).status).toBe(200);
		expect(host!.executions).toHaveLength(1);
	});

	it('refuses every delivery when the secret is not stored', async () => {
		await activeHost();
		const data = host!.staticData[`node:${host!.node.name}`] as Record<string, unknown>;
		delete data.webhookSecret;
		expect((await deliver(leadCreated(truto))).status).toBe(401);
		expect(host!.executions).toHaveLength(0);
	});
});

describe('Truto’s test event', () => {
	it('is answered 200 and starts nothing, so "Send test" in Truto succeeds', async () => {
		await activeHost();
		const response = await fetch(`${truto.url}/webhook/test`, {
			method: 'POST',
			headers: { authorization: `Bearer ${truto.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ id: host!.nodeStaticData.webhookId }),
		});
		await host!.idle();
		expect(await response.json()).toEqual({ success: true });
		expect(host!.responses.at(-1)).toEqual({
			status: 200,
			body: JSON.stringify({ message: 'Test event received' }),
		});
		expect(host!.executions).toHaveLength(0);
	});

	it('still needs a valid signature', async () => {
		await activeHost();
		const result = await deliver(
			{ event: 'test', payload: { foo: 'bar' } },
			{ omitSignature: true, webhookId: String(host!.nodeStaticData.webhookId) },
		);
		expect(result.status).toBe(401);
	});
});

describe('filters', () => {
	const otherAccount = (extra: Record<string, unknown> = {}) =>
		leadCreated(truto, undefined, {
			payload: {
				integrated_account_id: account('salesforce'),
				resource: 'leads',
				record: { id: '1' },
				...extra,
			},
		});

	it('ignores another integrated account’s events with 200 and no execution', async () => {
		await activeHost();
		const result = await deliver(otherAccount());
		expect(result.status).toBe(200);
		expect(messageOf(result)).toMatch(/another integrated account/);
		expect(host!.executions).toHaveLength(0);
	});

	it('compares the credential’s account ID without surrounding spaces', async () => {
		host = await activeTrutoHost(
			truto,
			{},
			{ credentials: { integratedAccountId: ` ${account('hubspot')} ` } },
		);
		await deliver(leadCreated(truto));
		expect(host.executions).toHaveLength(1);
	});

	it('takes a Specific Integrated Account’s events only', async () => {
		await activeHost({
			integratedAccountFilter: 'specific',
			integratedAccount: { __rl: true, mode: 'list', value: ` ${account('salesforce')} ` },
		});
		await deliver(otherAccount());
		await deliver(leadCreated(truto));
		expect(host!.executions.map((e) => e[0].json.integrated_account_id)).toEqual([
			account('salesforce'),
		]);
	});

	it('says why it ignores everything when the account it filters on is no longer set', async () => {
		host = await activeTrutoHost(
			truto,
			{ integratedAccountFilter: 'any' },
			{ credentials: { integratedAccountId: '' } },
		);
		host.setParameters({ events: ['record:created'], integratedAccountFilter: 'credential' });
		const result = await deliver(leadCreated(truto));
		expect(messageOf(result)).toMatch(/no integrated account is set to take events of/);
		expect(host.executions).toHaveLength(0);
	});

	it('takes every account’s events with Any Integrated Account', async () => {
		await activeHost({ integratedAccountFilter: 'any' });
		await deliver(otherAccount());
		await deliver(leadCreated(truto));
		expect(host!.executions).toHaveLength(2);
	});

	it('ignores an event that names no integrated account unless any account is taken', async () => {
		const anonymous = leadCreated(truto, undefined, {
			payload: { resource: 'leads', record: { id: '1' } },
		});
		await activeHost();
		const result = await deliver(anonymous);
		expect(messageOf(result)).toMatch(/names no integrated account.*Any Integrated Account/);
		expect(host!.executions).toHaveLength(0);
		await host!.deactivate();
		await host!.close();

		await activeHost({ integratedAccountFilter: 'any' });
		expect(messageOf(await deliver(anonymous))).toBe('Workflow was started');
	});

	it('keeps only the selected resources, whatever the spelling of the event', async () => {
		await activeHost({ resources: ['leads', 'engagement_types'] });
		const about = (resource: string) =>
			leadCreated(truto, undefined, {
				payload: { integrated_account_id: account('hubspot'), resource, record: { id: '1' } },
			});
		const answers = [];
		for (const resource of ['lead', 'contacts', 'engagementType', 'invoices'])
			answers.push(messageOf(await deliver(about(resource))));
		expect(answers).toEqual([
			'Workflow was started',
			'Event ignored: the event is about contacts, which is not selected',
			'Workflow was started',
			'Event ignored: the event names no CRM resource this trigger knows (invoices)',
		]);
	});

	it('ignores record events of another Truto unified API', async () => {
		await activeHost({ integratedAccountFilter: 'any' });
		const result = await deliver(
			otherAccount({ unified_model: 'accounting', resource: 'invoices' }),
		);
		expect(messageOf(result)).toMatch(/accounting API, not CRM/);
		expect(host!.executions).toHaveLength(0);
	});

	it('ignores event types that are not selected, even if Truto sends them', async () => {
		await activeHost({ events: ['record:created'] });
		const result = await deliver(
			{ event: 'integrated_account:active', payload: { id: account('hubspot') } },
			{ webhookId: String(host!.nodeStaticData.webhookId) },
		);
		expect(messageOf(result)).toBe(
			'Event ignored: event type integrated_account:active is not selected',
		);
	});

	it('emits integrated account events of its account, whatever resources are selected', async () => {
		await activeHost({ events: ['integrated_account:authentication_error'], resources: ['leads'] });
		await deliver({
			event: 'integrated_account:authentication_error',
			payload: { id: account('hubspot'), status: 'needs_reauth' },
		});
		expect(host!.executions[0][0].json).toMatchObject({
			event: 'integrated_account:authentication_error',
			integrated_account_id: account('hubspot'),
		});
	});

	it('emits an event without an event type rather than dropping it', async () => {
		await activeHost();
		const body = JSON.stringify({
			id: 'evt-typeless',
			payload: { integrated_account_id: account('hubspot') },
		});
		expect(messageOf(await deliver(leadCreated(truto), { rawBody: body }))).toBe(
			'Workflow was started',
		);
		expect(host!.executions[0][0].json).toMatchObject({ id: 'evt-typeless' });
	});
});

describe('the replay window', () => {
	const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

	it('ignores an event created longer ago than 5 minutes, by default', async () => {
		await activeHost();
		const result = await deliver(leadCreated(truto, undefined, { created_at: minutesAgo(6) }));
		expect(result.status).toBe(200);
		expect(messageOf(result)).toMatch(/more than 5 minutes ago, and is taken for a replay/);
		expect(host!.executions).toHaveLength(0);
	});

	it('takes an event inside the window, one from the future and one without created_at', async () => {
		await activeHost();
		await deliver(leadCreated(truto, undefined, { created_at: minutesAgo(4) }));
		await deliver(leadCreated(truto, undefined, { created_at: minutesAgo(-3) }));
		const noDate = JSON.stringify({
			id: 'evt-undated',
			event: 'record:created',
			payload: { integrated_account_id: account('hubspot') },
		});
		await deliver(leadCreated(truto), { rawBody: noDate });
		expect(host!.executions).toHaveLength(3);
	});

	it('follows the window chosen in the options, and 0 turns it off', async () => {
		await activeHost({ options: { replayWindowMinutes: 60 } });
		await deliver(leadCreated(truto, undefined, { created_at: minutesAgo(59) }));
		expect(
			messageOf(await deliver(leadCreated(truto, undefined, { created_at: minutesAgo(61) }))),
		).toMatch(/more than 60 minutes/);
		await host!.deactivate();
		await host!.close();

		await activeHost({ options: { replayWindowMinutes: 0 } });
		await deliver(leadCreated(truto, undefined, { created_at: '2020-01-01T00:00:00Z' }));
		expect(host!.executions).toHaveLength(1);
	});
});

describe('bodies that are not events', () => {
	it('answers 400 to a signed body that is not a JSON object', async () => {
		await activeHost();
		for (const body of ['[1,2]', '"text"', '42', 'null']) {
			const result = await deliver(leadCreated(truto), { rawBody: body });
			expect(result.status).toBe(400);
			expect(messageOf(result)).toMatch(/not a JSON object/);
		}
		expect(host!.executions).toHaveLength(0);
	});

	it('answers 413 to a body over 1 MB before checking anything else', async () => {
		await activeHost();
		const big = JSON.stringify({
			id: 'big',
			event: 'record:created',
			padding: 'x'.repeat(1024 * 1024),
		});
		const result = await deliver(leadCreated(truto), { rawBody: big, omitSignature: true });
		expect(result.status).toBe(413);
		expect(messageOf(result)).toMatch(/1024 KB/);
		expect(host!.executions).toHaveLength(0);
	});

	it('takes a genuine event with its whole record just under the limit', async () => {
		await activeHost();
		const record = { id: '1', remote_data: { notes: 'x'.repeat(1000 * 1000) } };
		const result = await deliver(leadCreated(truto, record));
		expect(result.status).toBe(200);
		expect(host!.executions).toHaveLength(1);
	});
});
