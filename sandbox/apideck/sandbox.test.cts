import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox, type Sandbox } from './index.cjs';

// Answers are read deep inside assertions; their shape is what the tests check.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

let sandbox: Sandbox;
const openServers: Server[] = [];

const authHeaders = (s: Sandbox, consumer = 'test-consumer'): Record<string, string> => ({
	authorization: `Bearer ${s.apiKey}`,
	'x-apideck-app-id': s.appId,
	'x-apideck-consumer-id': consumer,
});

async function call(
	path: string,
	init: { method?: string; body?: unknown; headers?: Record<string, string>; auth?: boolean } = {},
) {
	const headers: Record<string, string> = {
		...(init.auth === false ? {} : authHeaders(sandbox)),
		...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
		...init.headers,
	};
	const res = await fetch(`${sandbox.url}${path}`, {
		method: init.method ?? 'GET',
		headers,
		body: init.body === undefined ? undefined : JSON.stringify(init.body),
	});
	const text = await res.text();
	let json: Json | undefined;
	try {
		json = JSON.parse(text) as Json;
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json: json as Json };
}

/** A delivery URL that records what it receives and answers with `status`. */
async function receiver(status = 200) {
	const received: { headers: IncomingHttpHeaders; body: string }[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
			res.writeHead(receiverState.status).end('ok');
		});
	});
	const receiverState = { status };
	openServers.push(server);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
	return {
		url,
		received,
		state: receiverState,
		close: () => closeServer(server),
	};
}

// Written independently of the sandbox's signer so a broken signer cannot agree with itself.
const sorted = (v: unknown): unknown =>
	Array.isArray(v)
		? v.map(sorted)
		: v && typeof v === 'object'
			? Object.fromEntries(
					Object.entries(v)
						.sort(([a], [b]) => (a < b ? -1 : 1))
						.map(([k, x]) => [k, sorted(x)]),
				)
			: v;
function closeServer(server: Server) {
	openServers.splice(openServers.indexOf(server), 1);
	return new Promise<void>((resolve) => {
		server.close(() => resolve());
		server.closeAllConnections();
	});
}

const hmac = (key: string, body: string, encoding: 'hex' | 'base64' = 'hex') =>
	createHmac('sha256', key)
		.update(JSON.stringify(sorted(JSON.parse(body))))
		.digest(encoding);

beforeEach(async () => {
	sandbox = await startSandbox({ seed: true });
});

afterEach(async () => {
	await sandbox.close();
	// A failed assertion must not leave a receiver open (jest would never exit).
	await Promise.all([...openServers].map(closeServer));
});

describe('auth', () => {
	it('rejects a missing key with Apideck’s UnauthorizedError body and a request id', async () => {
		const res = await call('/crm/leads', { auth: false });
		expect(res.status).toBe(401);
		expect(res.json).toEqual({
			status_code: 401,
			error: 'Unauthorized',
			type_name: 'UnauthorizedError',
			message: expect.any(String),
			detail: expect.any(String),
			ref: 'https://developers.apideck.com/errors#unauthorizederror',
		});
		expect(res.headers.get('x-apideck-request-id')).toMatch(/^[0-9a-f-]{36}$/);
	});

	it.each([
		['wrong key', { authorization: 'Bearer not-it' }],
		['missing app id', { 'x-apideck-app-id': '' }],
		['wrong app id', { 'x-apideck-app-id': 'other-app' }],
		['missing consumer', { 'x-apideck-consumer-id': '' }],
		['unknown consumer', { 'x-apideck-consumer-id': 'nobody' }],
	])('rejects %s on /crm and /vault', async (_name, headers) => {
		for (const path of ['/crm/contacts', '/vault/connections']) {
			const res = await call(path, { headers });
			expect(res.status).toBe(401);
			expect(res.json.type_name).toBe('UnauthorizedError');
			expect(res.text).not.toContain('not-it');
		}
	});

	it('lets /webhook/webhooks through with key and app id only', async () => {
		const res = await call('/webhook/webhooks', {
			auth: false,
			headers: { authorization: `Bearer ${sandbox.apiKey}`, 'x-apideck-app-id': sandbox.appId },
		});
		expect(res.status).toBe(200);
		expect(res.json.data).toEqual([]);
		const noKey = await call('/webhook/webhooks', {
			auth: false,
			headers: { 'x-apideck-app-id': sandbox.appId },
		});
		expect(noKey.status).toBe(401);
	});

	it('requires the service to be a connection of the consumer and keeps data per connection', async () => {
		const notConnected = await call('/crm/leads', {
			headers: { 'x-apideck-service-id': 'pipedrive' },
		});
		expect(notConnected.status).toBe(404);
		expect(notConnected.json.type_name).toBe('ConnectionNotFoundError');

		const created = await call('/crm/leads', {
			method: 'POST',
			body: { name: 'Only In HubSpot' },
			headers: { 'x-apideck-service-id': 'hubspot' },
		});
		expect(created.json.service).toBe('hubspot');
		const inSalesforce = await call(`/crm/leads/${created.json.data.id}`); // default = first connection
		expect(inSalesforce.status).toBe(404);
		const inHubspot = await call(`/crm/leads/${created.json.data.id}`, {
			headers: { 'x-apideck-service-id': 'hubspot' },
		});
		expect(inHubspot.json.data.name).toBe('Only In HubSpot');
	});
});

describe('CRM records', () => {
	it('creates, reads, merges and deletes with Apideck envelopes', async () => {
		const created = await call('/crm/leads', {
			method: 'POST',
			body: {
				name: 'Ada Lovelace',
				first_name: 'Ada',
				id: 'mine',
				created_at: '1999-01-01',
				pass_through: [{ a: 1 }],
			},
		});
		expect(created.status).toBe(201);
		expect(created.json).toEqual({
			status_code: 201,
			status: 'Created',
			service: 'salesforce',
			resource: 'leads',
			operation: 'add',
			data: { id: expect.any(String) },
		});
		const id = created.json.data.id as string;
		expect(id).not.toBe('mine');

		const one = await call(`/crm/leads/${id}`);
		expect(one.json).toMatchObject({
			operation: 'one',
			data: { id, name: 'Ada Lovelace', first_name: 'Ada' },
		});
		expect(one.json.data.created_at).not.toBe('1999-01-01');
		expect(one.json.data).not.toHaveProperty('pass_through');

		const updated = await call(`/crm/leads/${id}`, {
			method: 'PATCH',
			body: { name: 'Ada Lovelace', last_name: 'King' },
		});
		expect(updated.json).toMatchObject({ operation: 'update', data: { id } });
		const merged = await call(`/crm/leads/${id}`);
		expect(merged.json.data).toMatchObject({
			name: 'Ada Lovelace',
			first_name: 'Ada',
			last_name: 'King',
		});

		const deleted = await call(`/crm/leads/${id}`, { method: 'DELETE' });
		expect(deleted.json).toMatchObject({ operation: 'delete', data: { id } });
		const gone = await call(`/crm/leads/${id}`);
		expect(gone.status).toBe(404);
		expect(gone.json.type_name).toBe('EntityNotFoundError');
	});

	it('rejects creates without required fields and non-object bodies', async () => {
		const res = await call('/crm/opportunities', { method: 'POST', body: { monetary_amount: 5 } });
		expect(res.status).toBe(400);
		expect(res.json.type_name).toBe('RequestValidationError');
		expect(res.json.detail).toEqual({ missing: [{ title: 'required' }] });
		expect((await call('/crm/notes', { method: 'POST', body: [1] })).status).toBe(400);
	});

	it('rejects invalid email addresses on create and update, naming each field', async () => {
		const before = sandbox.store.count('leads');
		const created = await call('/crm/leads', {
			method: 'POST',
			body: { name: 'Bad Mail', emails: [{ email: 'ok@example.com' }, { email: 'not-an-email' }] },
		});
		expect([created.status, created.json.type_name, created.json.message]).toEqual([
			400,
			'RequestValidationError',
			'Invalid Params',
		]);
		expect(created.json.detail).toEqual({
			invalid: [{ 'emails[1].email': 'is not an email address: "not-an-email"' }],
		});
		expect(sandbox.store.count('leads')).toBe(before);

		const [lead] = sandbox.store.list('leads');
		const updated = await call(`/crm/leads/${String(lead.id)}`, {
			method: 'PATCH',
			body: { name: lead.name, emails: 'ann@example.com' },
		});
		expect(updated.status).toBe(400);
		expect(updated.json.detail).toEqual({
			invalid: [{ emails: 'must be a list of { email, type } objects' }],
		});
	});

	it('rejects updates without the required fields, as the spec keeps them on PATCH', async () => {
		sandbox.store.insert('opportunities', { id: 'o1', title: 'Deal', status: 'open' });
		const res = await call('/crm/opportunities/o1', { method: 'PATCH', body: { status: 'won' } });
		expect(res.status).toBe(400);
		expect(res.json).toMatchObject({
			type_name: 'RequestValidationError',
			message: 'Missing required title',
			detail: { missing: [{ title: 'required' }] },
		});
		expect(sandbox.store.get('opportunities', 'o1')?.status).toBe('open');
		const ok = await call('/crm/opportunities/o1', {
			method: 'PATCH',
			body: { title: 'Deal', status: 'won' },
		});
		expect(ok.status).toBe(200);
		expect(sandbox.store.get('opportunities', 'o1')?.status).toBe('won');
	});

	it('serves every resource of the spec, with read-only lists and nested routes', async () => {
		for (const resource of [
			'companies',
			'contacts',
			'opportunities',
			'leads',
			'pipelines',
			'lists',
			'notes',
			'users',
			'activities',
			'custom-object-schemas',
		]) {
			const res = await call(`/crm/${resource}`);
			expect([resource, res.status, res.json.data.length > 0]).toEqual([resource, 200, true]);
		}
		expect((await call('/crm/lists', { method: 'POST', body: { name: 'x' } })).status).toBe(404);

		const list = (await call('/crm/lists')).json.data[0];
		const members = await call(`/crm/lists/${list.id}/members`);
		expect(members.json).toMatchObject({ resource: 'list-members', operation: 'all' });
		expect(members.json.data).toHaveLength(2);
		expect((await call('/crm/lists/nope/members')).status).toBe(404);

		const schema = (await call('/crm/custom-object-schemas')).json.data[0];
		const objects = await call(`/crm/custom-objects/${schema.id}`);
		expect(objects.json.data.map((o: Json) => o.name)).toEqual([
			'Website relaunch',
			'CRM migration',
		]);
		const made = await call(`/crm/custom-objects/${schema.id}`, {
			method: 'POST',
			body: { name: 'New' },
		});
		expect(made.status).toBe(201);
		expect(
			(await call(`/crm/custom-objects/${schema.id}/${made.json.data.id}`)).json.data.name,
		).toBe('New');
		expect((await call('/crm/custom-objects/unknown-schema')).status).toBe(404);
	});

	it('decodes each path segment on its own so encoded ids cannot change the route', async () => {
		sandbox.store.insert('leads', { id: '../users', name: 'Sneaky' });
		sandbox.store.insert('leads', { id: 'a?b#c', name: 'Odd' });
		expect((await call('/crm/leads/..%2Fusers')).json.data.name).toBe('Sneaky');
		expect((await call('/crm/leads/a%3Fb%23c')).json.data.name).toBe('Odd');
		expect(sandbox.requests.map((r) => r.path)).toEqual([
			'/crm/leads/..%2Fusers',
			'/crm/leads/a%3Fb%23c',
		]);
	});

	it('records requests with the raw query, the parsed deepObject query and the body', async () => {
		sandbox.clearRequests();
		await call('/crm/contacts?filter%5Bemail%5D=jane%40acme.test&pass_through[x][y]=1&limit=5', {
			headers: { 'x-apideck-service-id': 'salesforce' },
		});
		await call('/crm/notes', { method: 'POST', body: { title: 'T' } });
		const [get, post] = sandbox.requests;
		expect(get).toMatchObject({
			method: 'GET',
			path: '/crm/contacts',
			rawQuery: 'filter%5Bemail%5D=jane%40acme.test&pass_through[x][y]=1&limit=5',
			query: { filter: { email: 'jane@acme.test' }, pass_through: { x: { y: '1' } }, limit: '5' },
		});
		expect(get.headers['x-apideck-service-id']).toBe('salesforce');
		expect(post.body).toEqual({ title: 'T' });
	});
});

describe('lists', () => {
	it('pages 10,000 records in 50 requests of 200 with opaque cursors, quickly', async () => {
		sandbox.store.clear();
		sandbox.store.insertMany(
			'contacts',
			Array.from({ length: 10_000 }, (_, i) => ({ name: `Contact ${i}` })),
		);
		const seen = new Set<string>();
		let cursor: string | null = null;
		let pages = 0;
		const started = Date.now();
		do {
			const res: Awaited<ReturnType<typeof call>> = await call(
				`/crm/contacts?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
			);
			pages++;
			for (const record of res.json.data) seen.add(record.id);
			expect(res.json.meta.items_on_page).toBe(res.json.data.length);
			cursor = res.json.meta.cursors.next;
			if (cursor) expect(res.json.links.next).toContain(encodeURIComponent(cursor));
		} while (cursor);
		expect(pages).toBe(50);
		expect(seen.size).toBe(10_000);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	it('defaults to 20, validates limit and cursors', async () => {
		sandbox.store.insertMany(
			'users',
			Array.from({ length: 30 }, (_, i) => ({
				name: `U${i}`,
				emails: [{ email: `u${i}@x.test` }],
			})),
		);
		const first = await call('/crm/users');
		expect(first.json.data).toHaveLength(20);
		expect(first.json.meta.cursors.previous).toBeNull();
		const second = await call(`/crm/users?cursor=${first.json.meta.cursors.next}`);
		expect(second.json.data).toHaveLength(12);
		expect(second.json.meta.cursors.next).toBeNull();
		expect(second.json.meta.cursors.previous).toBe(first.json.meta.cursors.current);

		for (const limit of ['0', '201', 'abc', '']) {
			const res = await call(`/crm/users?limit=${limit}`);
			expect([limit, res.status, res.json.type_name]).toEqual([
				limit,
				400,
				'RequestValidationError',
			]);
		}
		for (const cursor of [
			'garbage',
			Buffer.from('x:users/:0').toString('base64url'),
			first.json.meta.cursors.next,
		]) {
			const res = await call(`/crm/contacts?cursor=${cursor}`); // a users cursor is not a contacts cursor
			expect([res.status, res.json.type_name]).toEqual([400, 'InvalidCursorError']);
		}
	});

	it('filters, sorts and trims fields per the spec', async () => {
		const byEmail = await call('/crm/contacts?filter[email]=JANE@acme.test');
		expect(byEmail.json.data.map((c: Json) => c.name)).toEqual(['Jane Doe']);
		const byName = await call('/crm/leads?filter[first_name]=omar');
		expect(byName.json.data.map((c: Json) => c.name)).toEqual(['Omar Prospect']);

		const sorted = await call('/crm/companies?sort[by]=name&sort[direction]=desc&fields=name');
		expect(sorted.json.data).toEqual([
			{ id: expect.any(String), name: 'Initech' },
			{ id: expect.any(String), name: 'Globex' },
			{ id: expect.any(String), name: 'Acme Corp' },
		]);

		const unsupported = await call('/crm/companies?filter[email]=x@y.z');
		expect([unsupported.status, unsupported.json.type_name]).toEqual([
			400,
			'UnsupportedFiltersError',
		]);
		const noFilters = await call('/crm/pipelines?filter[name]=x');
		expect(noFilters.json.type_name).toBe('UnsupportedFiltersError');
		const badSort = await call('/crm/leads?sort[by]=company_name');
		expect([badSort.status, badSort.json.type_name]).toEqual([400, 'UnsupportedSortFieldError']);
		const badDirection = await call('/crm/leads?sort[by]=name&sort[direction]=up');
		expect(badDirection.json.type_name).toBe('RequestValidationError');

		const raw = await call('/crm/leads?raw=true&limit=1');
		expect(raw.json._raw).toBeDefined();
		expect((await call('/crm/leads?limit=1')).json._raw).toBeUndefined();
	});
});

describe('faults', () => {
	it('answers 429 with Retry-After and downstream reset, then recovers', async () => {
		sandbox.faults.rateLimit({
			retryAfterSeconds: 3,
			downstreamResetSeconds: 10,
			path: '/crm/leads',
		});
		expect((await call('/crm/contacts')).status).toBe(200); // other path untouched
		const limited = await call('/crm/leads');
		expect(limited.status).toBe(429);
		expect(limited.json.type_name).toBe('ConnectorRateLimitError');
		expect(limited.headers.get('retry-after')).toBe('3');
		const reset = Number(limited.headers.get('x-downstream-ratelimit-reset'));
		expect(reset).toBeGreaterThan(Date.now() / 1000 + 5);
		expect((await call('/crm/leads')).status).toBe(200);
	});

	it('bursts 5xx N times and can break a create after performing it', async () => {
		sandbox.faults.serverError({ status: 503, times: 2, method: 'GET' });
		expect((await call('/crm/leads', { method: 'POST', body: { name: 'A' } })).status).toBe(201);
		expect((await call('/crm/leads')).status).toBe(503);
		expect((await call('/crm/leads')).status).toBe(503);
		expect((await call('/crm/leads')).status).toBe(200);

		const before = sandbox.store.count('leads');
		sandbox.faults.serverError({ status: 502, processed: true });
		const res = await call('/crm/leads', { method: 'POST', body: { name: 'B' } });
		expect([res.status, res.json.type_name]).toEqual([502, 'ConnectorExecutionError']);
		expect(sandbox.store.count('leads')).toBe(before + 1);
	});

	it('slows, garbles, hangs up and breaks cursors on demand', async () => {
		sandbox.faults.slow({ ms: 300 });
		let started = Date.now();
		await call('/crm/leads');
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);

		sandbox.faults.malformedJson();
		const garbled = await call('/crm/leads');
		expect(garbled.status).toBe(200);
		expect(() => JSON.parse(garbled.text)).toThrow();

		sandbox.faults.hangUp();
		await expect(
			fetch(`${sandbox.url}/crm/leads`, { headers: authHeaders(sandbox) }),
		).rejects.toThrow();

		sandbox.faults.repeatCursor({ path: '/crm/leads' });
		const repeated = await call('/crm/leads?limit=1');
		expect(repeated.json.meta.cursors.next).toBe(repeated.json.meta.cursors.current);

		sandbox.faults.invalidCursor();
		expect((await call('/crm/leads')).json.type_name).toBe('InvalidCursorError');

		sandbox.faults.error({
			status: 400,
			typeName: 'ConnectorExecutionError',
			fields: { downstream_errors: [{ message: 'nope' }] },
		});
		expect((await call('/crm/leads')).json.downstream_errors).toEqual([{ message: 'nope' }]);
		expect(sandbox.faults.pending()).toEqual([]);

		sandbox.setLatency(150);
		started = Date.now();
		await call('/crm/leads');
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('redirects, trickles a body and answers from the request on demand', async () => {
		sandbox.faults.redirect({ status: 307, location: 'https://elsewhere.example/crm/leads' });
		const moved = await fetch(`${sandbox.url}/crm/leads`, {
			headers: authHeaders(sandbox),
			redirect: 'manual',
		});
		expect([moved.status, moved.headers.get('location')]).toEqual([
			307,
			'https://elsewhere.example/crm/leads',
		]);

		sandbox.faults.trickle({ everyMs: 1 });
		const slow = await call('/crm/leads?limit=1');
		expect(slow.json.data).toHaveLength(1);
		const { trickle } = sandbox.requests[sandbox.requests.length - 1];
		expect(trickle).toMatchObject({
			sent: Buffer.byteLength(slow.text),
			total: Buffer.byteLength(slow.text),
			clientLeft: false,
		});

		sandbox.faults.answer({
			respond: (req) => ({ status: 418, body: { echo: req.headers['x-apideck-app-id'] } }),
		});
		const echoed = await call('/crm/leads');
		expect([echoed.status, echoed.json]).toEqual([418, { echo: sandbox.appId }]);
	});

	it('limits the request rate with 429 RequestLimitError', async () => {
		sandbox.setRateLimit(3);
		const statuses = [];
		for (let i = 0; i < 5; i++) statuses.push((await call('/crm/users')).status);
		expect(statuses).toEqual([200, 200, 200, 429, 429]);
		const limited = await call('/crm/users');
		expect(limited.json.type_name).toBe('RequestLimitError');
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
	});
});

describe('vault', () => {
	it('lists the consumer’s connections and filters by api', async () => {
		const res = await call('/vault/connections?api=crm');
		expect(
			res.json.data.map((c: Json) => [c.service_id, c.unified_api, c.state, c.enabled]),
		).toEqual([
			['salesforce', 'crm', 'callable', true],
			['hubspot', 'crm', 'callable', true],
		]);
		expect((await call('/vault/connections?api=hris')).json.data).toEqual([]);
		const other = await call('/vault/connections', {
			headers: { 'x-apideck-consumer-id': 'other-consumer' },
		});
		expect(other.json.data.map((c: Json) => c.service_id)).toEqual(['pipedrive']);
	});

	it('returns different custom fields per connector', async () => {
		const sf = await call('/vault/connections/crm/salesforce/leads/custom-fields');
		const hs = await call('/vault/connections/crm/hubspot/leads/custom-fields');
		expect(sf.json.data.map((f: Json) => f.id)).toContain('Lead_Score__c');
		expect(hs.json.data.map((f: Json) => f.id)).toEqual(['hs_lead_status']);
		const missing = await call('/vault/connections/crm/pipedrive/leads/custom-fields');
		expect(missing.json.type_name).toBe('ConnectionNotFoundError');
	});
});

describe('webhooks', () => {
	const webhookHeaders = () => ({
		authorization: `Bearer ${sandbox.apiKey}`,
		'x-apideck-app-id': sandbox.appId,
	});
	const subscribe = (url: string, events: string[] = ['crm.lead.created']) =>
		call('/webhook/webhooks', {
			method: 'POST',
			auth: false,
			headers: webhookHeaders(),
			body: { unified_api: 'crm', status: 'enabled', delivery_url: url, events },
		});

	it('validates the delivery URL with a signed POST on create', async () => {
		const hook = await receiver(200);
		const res = await subscribe(hook.url);
		expect(res.status).toBe(201);
		expect(res.json.data).toMatchObject({
			status: 'enabled',
			delivery_url: hook.url,
			events: ['crm.lead.created'],
		});
		expect(hook.received).toHaveLength(1);
		const [validation] = hook.received;
		expect(JSON.parse(validation.body)).toEqual({ message: 'Validating delivery URL' });
		expect(validation.headers['x-apideck-event-type']).toBe('apideck.subscription.created');
		expect(validation.headers['x-apideck-signature']).toBe(hmac(sandbox.apiKey, validation.body));

		const id = res.json.data.id;
		const one = await call(`/webhook/webhooks/${id}`, { auth: false, headers: webhookHeaders() });
		expect(one.json.data.id).toBe(id);
		const patched = await call(`/webhook/webhooks/${id}`, {
			method: 'PATCH',
			auth: false,
			headers: webhookHeaders(),
			body: { events: ['*'] },
		});
		expect(patched.json.data.events).toEqual(['*']);
		expect(hook.received).toHaveLength(1); // no URL change, no new validation
		expect(
			(
				await call(`/webhook/webhooks/${id}`, {
					method: 'DELETE',
					auth: false,
					headers: webhookHeaders(),
				})
			).status,
		).toBe(200);
		expect(
			(await call(`/webhook/webhooks/${id}`, { auth: false, headers: webhookHeaders() })).status,
		).toBe(404);
		await hook.close();
	});

	it('stores a subscription as disabled when validation fails, or when forced to', async () => {
		const hook = await receiver(500);
		const res = await subscribe(hook.url);
		expect(res.json.data).toMatchObject({
			status: 'disabled',
			disabled_reason: 'delivery_url_validation_failed',
		});
		await hook.close();

		const unreachable = await subscribe('http://127.0.0.1:1/nothing-here');
		expect(unreachable.json.data.status).toBe('disabled');

		const ok = await receiver(200);
		sandbox.webhooks.forceValidation('fail');
		const forced = await subscribe(ok.url);
		expect(forced.json.data.disabled_reason).toBe('delivery_url_validation_failed');
		expect(ok.received).toHaveLength(0);
		await ok.close();

		const bad = await call('/webhook/webhooks', {
			method: 'POST',
			auth: false,
			headers: webhookHeaders(),
			body: { unified_api: 'crm', delivery_url: 'ftp://x', events: ['crm.nothing.created'] },
		});
		expect([bad.status, bad.json.type_name]).toEqual([400, 'RequestValidationError']);
	});

	it('delivers signed events only to matching subscriptions, with tamper switches', async () => {
		const hook = await receiver(200);
		const other = await receiver(200);
		await subscribe(hook.url, ['crm.lead.created']);
		await subscribe(other.url, ['crm.contact.updated']);
		hook.received.length = 0;
		other.received.length = 0;

		const [result] = await sandbox.webhooks.deliver({
			event_type: 'crm.lead.created',
			entity_id: '42',
			event_id: 'evt-1',
		});
		expect(result.status).toBe(200);
		expect(other.received).toHaveLength(0);
		const delivery = hook.received[0];
		expect(JSON.parse(delivery.body)).toEqual({
			payload: {
				event_type: 'crm.lead.created',
				unified_api: 'crm',
				service_id: 'salesforce',
				consumer_id: 'test-consumer',
				event_id: 'evt-1',
				entity_id: '42',
				entity_url: `${sandbox.url}/crm/leads/42`,
				entity_type: 'lead',
				occurred_at: expect.any(String),
				execution_attempt: 1,
			},
		});
		expect(delivery.headers['content-type']).toBe('application/json');
		expect(delivery.headers['x-apideck-idempotency-key']).toBe('evt-1');
		expect(delivery.headers['x-apideck-signature']).toBe(hmac(sandbox.apiKey, delivery.body));

		const event = { event_type: 'crm.lead.created', entity_id: '42' };
		await sandbox.webhooks.deliver(event, { tamper: true });
		await sandbox.webhooks.deliver(event, { wrongKey: true });
		await sandbox.webhooks.deliver(event, { omitSignature: true });
		const [tampered, wrongKey, unsigned] = hook.received.slice(1);
		expect(tampered.headers['x-apideck-signature']).not.toBe(hmac(sandbox.apiKey, tampered.body));
		expect(wrongKey.headers['x-apideck-signature']).not.toBe(hmac(sandbox.apiKey, wrongKey.body));
		expect(unsigned.headers['x-apideck-signature']).toBeUndefined();
		await hook.close();
		await other.close();
	});

	it('signs in base64 when asked and can emit events for API changes', async () => {
		await sandbox.close();
		sandbox = await startSandbox({ signatureEncoding: 'base64', emitEvents: true });
		const hook = await receiver(200);
		await subscribe(hook.url, ['*']);
		const created = await call('/crm/contacts', { method: 'POST', body: { name: 'Evented' } });
		await call('/crm/users', { method: 'POST', body: { emails: [{ email: 'u@x.test' }] } }); // users have no events
		await sandbox.webhooks.settle();
		const events = hook.received.slice(1);
		expect(events).toHaveLength(1);
		expect(JSON.parse(events[0].body).payload).toMatchObject({
			event_type: 'crm.contact.created',
			entity_id: created.json.data.id,
		});
		expect(events[0].headers['x-apideck-signature']).toBe(
			hmac(sandbox.apiKey, events[0].body, 'base64'),
		);
		await hook.close();
	});
});
