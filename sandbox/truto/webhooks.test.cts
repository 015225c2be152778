import { createHmac } from 'node:crypto';
import { receiver, type Receiver } from '../http/test-receiver.cjs';
import type { TrutoSandbox } from './index.cjs';
import { useTrutoSandbox, type Json } from './test-support.cjs';

let sandbox: TrutoSandbox;
const { call, unified, restart } = useTrutoSandbox({ seed: true }, (s) => (sandbox = s));

// Written apart from the sandbox's signer, so a broken signer cannot agree with itself.
const expectedSignature = (secret: string, body: string, encoding: 'hex' | 'base64' = 'hex') =>
	`format=sha256,v=${createHmac('sha256', secret).update(body).digest(encoding)}`;

const subscribe = (target_url: string, extra: Json = {}) =>
	call('/webhook', { method: 'POST', body: { target_url, ...extra } });

async function subscribed(hook: Receiver, extra: Json = {}) {
	const res = await subscribe(hook.url, extra);
	expect(res.status).toBe(201);
	return res.json as Json & { id: string; secret: string };
}

describe('webhook admin API', () => {
	it('creates a subscription whose secret is shown only once', async () => {
		const hook = await receiver();
		const created = await subscribe(hook.url, { event_types: ['record:created'] });
		expect(created.status).toBe(201);
		expect(created.json).toEqual({
			id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			target_url: hook.url,
			is_active: true,
			event_types: ['record:created'],
			environment_id: sandbox.environmentId,
			created_at: expect.any(String),
			updated_at: expect.any(String),
			secret: expect.stringMatching(/^[0-9a-f-]{36}$/),
		});
		const { id, secret } = created.json;
		const one = await call(`/webhook/${id}`);
		expect(one.json).not.toHaveProperty('secret');
		expect(one.json.id).toBe(id);
		const list = await call('/webhook');
		expect(list.json).toEqual({ result: [one.json], next_cursor: null, limit: 10 });
		expect(list.text).not.toContain(secret);
		expect(sandbox.webhooks.secretOf(id)).toBe(secret);
	});

	it('updates, filters, pages and deletes subscriptions', async () => {
		const hook = await receiver();
		const a = await subscribed(hook);
		const b = await subscribed(hook, { is_active: false });
		await subscribed(hook);
		const patched = await call(`/webhook/${a.id}`, {
			method: 'PATCH',
			body: { event_types: ['record:deleted'], is_active: false },
		});
		expect(patched.json).toMatchObject({ event_types: ['record:deleted'], is_active: false });
		expect(patched.json).not.toHaveProperty('secret');
		const inactive = await call('/webhook?is_active=false');
		expect(inactive.json.result.map((w: Json) => w.id)).toEqual([a.id, b.id]);
		const pageOne = await call('/webhook?limit=2');
		const pageTwo = await call(`/webhook?limit=2&next_cursor=${pageOne.json.next_cursor}`);
		expect([pageOne.json.result.length, pageTwo.json.result.length]).toEqual([2, 1]);
		expect(pageTwo.json.next_cursor).toBeNull();

		const deleted = await call(`/webhook/${a.id}`, { method: 'DELETE' });
		expect(deleted.json.id).toBe(a.id);
		expect((await call(`/webhook/${a.id}`)).status).toBe(404);
		expect((await call(`/webhook/${a.id}`, { method: 'DELETE' })).status).toBe(404);
		expect((await call(`/webhook/${a.id}`, { method: 'PATCH', body: {} })).status).toBe(404);
	});

	it('names what is wrong with a subscription', async () => {
		const bad = async (body: unknown) => {
			const res = await call('/webhook', { method: 'POST', body });
			expect(res.status).toBe(400);
			return res.json.message as string;
		};
		expect(await bad({})).toBe('target_url is required');
		expect(await bad({ target_url: 'ftp://x' })).toMatch(/target_url must be an http\(s\) URL/);
		expect(await bad({ target_url: 'https://x.test', event_types: ['record.created'] })).toMatch(
			/event_types\[0\] must look like 'entity:action'/,
		);
		expect(await bad({ target_url: 'https://x.test', events: ['*'] })).toMatch(
			/events is not a field/,
		);
		expect(await bad({ target_url: 'https://x.test', environment_id: 'other' })).toMatch(
			/environment_id is not the environment/,
		);
		expect(await bad('nope')).toMatch(/JSON object/);
		await restart({ httpsOnly: true, createStatus: 200 });
		expect(await bad({ target_url: 'http://127.0.0.1/x' })).toMatch(/HTTPS URL/);
		const ok = await call('/webhook', { method: 'POST', body: { target_url: 'https://x.test' } });
		expect(ok.status).toBe(200);
	});

	it('sends the signed test event and reports whether the target took it', async () => {
		const hook = await receiver(200);
		const { id, secret } = await subscribed(hook, { event_types: ['record:created'] });
		const res = await call('/webhook/test', { method: 'POST', body: { id } });
		expect(res.json).toEqual({ success: true });
		const [delivery] = hook.received;
		expect(JSON.parse(delivery.body)).toEqual({
			id: expect.any(String),
			event: 'test',
			payload: { foo: 'bar' },
			environment_id: sandbox.environmentId,
			webhook_id: id,
			created_at: expect.any(String),
		});
		expect(delivery.headers['x-truto-signature']).toBe(expectedSignature(secret, delivery.body));
		hook.state.status = 500;
		expect((await call('/webhook/test', { method: 'POST', body: { id } })).json).toEqual({
			success: false,
		});
		expect((await call('/webhook/test', { method: 'POST', body: { id: 'nope' } })).status).toBe(
			404,
		);
		expect((await call('/webhook/test', { method: 'POST', body: {} })).status).toBe(400);
	});
});

describe('deliveries', () => {
	it('posts the envelope, signed over the raw body, to the subscriptions that want it', async () => {
		const all = await receiver();
		const created = await receiver();
		const off = await receiver();
		const allHook = await subscribed(all);
		const createdHook = await subscribed(created, { event_types: ['record:created'] });
		await subscribed(off, { is_active: false });

		const results = await sandbox.webhooks.deliver({
			event: 'record:updated',
			payload: { record: { id: '1' } },
			id: 'evt-1',
			created_at: '2024-05-01T00:00:00.000Z',
		});
		expect(results.map((r) => [r.webhookId, r.status, r.attempts])).toEqual([[allHook.id, 200, 1]]);
		expect([all.received.length, created.received.length, off.received.length]).toEqual([1, 0, 0]);
		const [delivery] = all.received;
		expect(delivery.body).toBe(
			JSON.stringify({
				id: 'evt-1',
				event: 'record:updated',
				payload: { record: { id: '1' } },
				environment_id: sandbox.environmentId,
				webhook_id: allHook.id,
				created_at: '2024-05-01T00:00:00.000Z',
			}),
		);
		expect(delivery.headers).toMatchObject({
			'content-type': 'application/json',
			'user-agent': 'truto',
			'x-truto-signature': expectedSignature(allHook.secret, delivery.body),
		});

		await sandbox.webhooks.deliver({ event: 'record:created', payload: {} });
		expect(created.received).toHaveLength(1);
		expect(created.received[0].headers['x-truto-signature']).toBe(
			expectedSignature(createdHook.secret, created.received[0].body),
		);
		expect(sandbox.webhooks.deliveries).toHaveLength(3);
	});

	it('sends broken deliveries on demand', async () => {
		const hook = await receiver();
		const { id, secret } = await subscribed(hook);
		const event = { event: 'record:created', payload: { record: { id: '9' } } };
		await sandbox.webhooks.deliver(event, { tamper: true });
		await sandbox.webhooks.deliver(event, { wrongSecret: true });
		await sandbox.webhooks.deliver(event, { omitSignature: true });
		await sandbox.webhooks.deliver(event, { rawBody: 'not json' });
		await sandbox.webhooks.deliver(event, { encoding: 'base64' });
		await sandbox.webhooks.deliver(event, {
			eventField: 'event_type',
			headers: { 'x-extra': '1' },
		});
		const [tampered, wrong, unsigned, raw, base64, renamed] = hook.received;
		expect(JSON.parse(tampered.body).payload.tampered).toBe(true);
		expect(tampered.headers['x-truto-signature']).not.toBe(
			expectedSignature(secret, tampered.body),
		);
		expect(wrong.headers['x-truto-signature']).not.toBe(expectedSignature(secret, wrong.body));
		expect(unsigned.headers['x-truto-signature']).toBeUndefined();
		expect(raw.body).toBe('not json');
		expect(raw.headers['x-truto-signature']).toBe(expectedSignature(secret, 'not json'));
		expect(base64.headers['x-truto-signature']).toBe(
			expectedSignature(secret, base64.body, 'base64'),
		);
		expect(JSON.parse(renamed.body)).toMatchObject({ event_type: 'record:created' });
		expect(JSON.parse(renamed.body)).not.toHaveProperty('event');
		expect(renamed.headers['x-extra']).toBe('1');

		const built = sandbox.webhooks.buildDelivery(event, { webhookId: id });
		expect(built.headers['x-truto-signature']).toBe(expectedSignature(secret, built.body));
		expect(sandbox.webhooks.sign('abc', 'k')).toBe(expectedSignature('k', 'abc'));
		expect(sandbox.webhooks.buildDelivery(event, { secret: 's' }).headers).toMatchObject({
			'x-truto-signature': expect.stringMatching(/^format=sha256,v=[0-9a-f]{64}$/),
		});
	});

	it('signs in base64 and names the event event_type when chosen', async () => {
		await restart({ signatureEncoding: 'base64', eventField: 'event_type' });
		const hook = await receiver();
		const { secret } = await subscribed(hook);
		await sandbox.webhooks.deliver({ event: 'integrated_account:active', payload: { id: 'x' } });
		const [delivery] = hook.received;
		expect(JSON.parse(delivery.body).event_type).toBe('integrated_account:active');
		expect(delivery.headers['x-truto-signature']).toBe(
			expectedSignature(secret, delivery.body, 'base64'),
		);
	});

	it('retries failed deliveries with the same event and deactivates a failing webhook', async () => {
		await restart({ deliveryRetries: 2, retryBackoffMs: 10, deactivateAfterFailures: 2 });
		const hook = await receiver(503);
		const { id } = await subscribed(hook);
		const [first] = await sandbox.webhooks.deliver({ event: 'record:created', id: 'evt-r' });
		expect([first.status, first.attempts]).toEqual([503, 3]);
		expect(hook.received.map((r) => JSON.parse(r.body).id)).toEqual(['evt-r', 'evt-r', 'evt-r']);
		expect(new Set(hook.received.map((r) => r.headers['x-truto-signature'])).size).toBe(1);
		expect((await call(`/webhook/${id}`)).json.is_active).toBe(true);
		await sandbox.webhooks.deliver({ event: 'record:created' });
		expect((await call(`/webhook/${id}`)).json.is_active).toBe(false);
		expect(await sandbox.webhooks.deliver({ event: 'record:created' })).toEqual([]);

		hook.state.status = 200;
		await call(`/webhook/${id}`, { method: 'PATCH', body: { is_active: true } });
		const [ok] = await sandbox.webhooks.deliver({ event: 'record:created' });
		expect([ok.status, ok.attempts]).toEqual([200, 1]);
	});

	it('reports a target that does not answer', async () => {
		await restart({ deliveryTimeoutMs: 200 });
		await subscribe('http://127.0.0.1:1/closed');
		const [result] = await sandbox.webhooks.deliver({ event: 'record:created' });
		expect(result.status).toBe(0);
		expect(result.error).toEqual(expect.any(String));
	});
});

describe('record events from API changes', () => {
	it('emits record:created, updated and deleted with the inferred payload', async () => {
		await restart({ seed: true, emitEvents: true });
		const hook = await receiver();
		await subscribed(hook, {
			event_types: ['record:created', 'record:updated', 'record:deleted'],
		});
		const made = await unified('salesforce', 'leads', {
			method: 'POST',
			body: { last_name: 'Evented' },
		});
		await unified('salesforce', `leads/${made.json.id}`, {
			method: 'PATCH',
			body: { status: 'qualified' },
		});
		await unified('salesforce', `leads/${made.json.id}`, { method: 'DELETE' });
		await unified('salesforce', 'leads'); // reads emit nothing
		await sandbox.webhooks.settle();
		const events = hook.received.map((r) => JSON.parse(r.body));
		expect(events.map((e) => e.event)).toEqual([
			'record:created',
			'record:updated',
			'record:deleted',
		]);
		expect(events[0].payload).toEqual({
			integrated_account_id: sandbox.accounts.id('salesforce'),
			integration: 'salesforce',
			unified_model: 'crm',
			resource: 'leads',
			record: made.json,
		});
		expect(events[1].payload.record).toMatchObject({ id: made.json.id, status: 'qualified' });
		expect(events[2].payload.record).toEqual({ id: made.json.id });
		expect(new Set(events.map((e) => e.id)).size).toBe(3);
	});

	it('emits for merges and batch deletes', async () => {
		await restart({ seed: true, emitEvents: true });
		const hook = await receiver();
		await subscribed(hook);
		const [keep, drop, extra] = (await unified('hubspot', 'contacts')).json.result;
		await unified('hubspot', 'contacts/merge', {
			method: 'POST',
			body: { master_record: { id: keep.id }, duplicate_records: [{ id: drop.id, fields: [] }] },
		});
		await unified('hubspot', 'contacts/batch-delete', { method: 'POST', body: { id: [extra.id] } });
		await sandbox.webhooks.settle();
		const events = hook.received.map((r) => JSON.parse(r.body));
		expect(events.map((e) => [e.event, e.payload.record.id])).toEqual([
			['record:updated', keep.id],
			['record:deleted', drop.id],
			['record:deleted', extra.id],
		]);
	});

	it('can send ids only or any payload shape a test wants', async () => {
		await restart({ seed: true, emitEvents: true, recordPayload: 'idOnly' });
		const hook = await receiver();
		await subscribed(hook);
		const made = await unified('hubspot', 'contacts', {
			method: 'POST',
			body: { name: 'Id only' },
		});
		await sandbox.webhooks.settle();
		expect(JSON.parse(hook.received[0].body).payload.record).toEqual({ id: made.json.id });

		sandbox.webhooks.recordPayload = (change) => ({
			object: change.resource,
			objectId: change.record.id,
		});
		await unified('hubspot', 'contacts', { method: 'POST', body: { name: 'Custom' } });
		await sandbox.webhooks.settle();
		expect(JSON.parse(hook.received[1].body).payload).toEqual({
			object: 'contacts',
			objectId: expect.any(String),
		});

		sandbox.webhooks.autoEmit = false;
		await unified('hubspot', 'contacts', { method: 'POST', body: { name: 'Quiet' } });
		await sandbox.webhooks.settle();
		expect(hook.received).toHaveLength(2);
	});
});
