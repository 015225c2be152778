import { RESOURCES } from './generated/schema.cjs';
import type { TrutoSandbox } from './index.cjs';
import { useTrutoSandbox, type Json } from './test-support.cjs';

let sandbox: TrutoSandbox;
const { call, unified, restart } = useTrutoSandbox({ seed: true }, (s) => (sandbox = s));

const first = async (account: string, resource: string): Promise<Json> =>
	(await unified(account, resource, { query: 'limit=1' })).json.result[0];

describe('auth', () => {
	it('answers 401 in Truto’s error shape without repeating the token', async () => {
		for (const path of ['/integrated-account', '/webhook', '/unified/crm/contacts']) {
			const none = await call(path, { auth: false });
			expect([path, none.status, none.json]).toEqual([
				path,
				401,
				{ statusCode: 401, error: 'Unauthorized', message: expect.stringContaining('Bearer') },
			]);
			const wrong = await call(path, {
				auth: false,
				headers: { authorization: 'Bearer guessed-token-123' },
			});
			expect(wrong.status).toBe(401);
			expect(wrong.text).not.toContain('guessed-token-123');
			const scheme = await call(path, { auth: false, headers: { authorization: sandbox.token } });
			expect(scheme.json.message).toMatch(/Bearer scheme/);
		}
	});
});

describe('integrated accounts', () => {
	it('lists the environment’s accounts in pages of { result, next_cursor, limit }', async () => {
		const seen: string[] = [];
		let cursor: string | null = null;
		let pages = 0;
		do {
			const query: string = cursor ? `&next_cursor=${encodeURIComponent(cursor)}` : '';
			const res = await call(`/integrated-account?limit=4${query}`);
			expect(res.json.limit).toBe(4);
			seen.push(...res.json.result.map((a: Json) => a.integration.name));
			cursor = res.json.next_cursor;
			pages++;
		} while (cursor);
		expect(pages).toBe(2);
		expect(seen).toEqual(['hubspot', 'salesforce', 'pipedrive', 'zohocrm', 'close', 'hubspot']);

		const all = (await call('/integrated-account')).json;
		expect(all).toMatchObject({ limit: 10, next_cursor: null });
		expect(all.result[0]).toEqual({
			id: sandbox.accounts.id('hubspot'),
			tenant_id: 'acme',
			status: 'active',
			is_sandbox: false,
			environment_id: sandbox.environmentId,
			environment_integration_id: expect.any(String),
			integration: { id: expect.any(String), name: 'hubspot', category: 'crm' },
			context: {},
			created_at: expect.any(String),
			updated_at: expect.any(String),
		});
		const sandboxes = (await call('/integrated-account?is_sandbox=true')).json.result;
		expect(sandboxes.map((a: Json) => a.id)).toEqual([sandbox.accounts.id('readOnly')]);
		const tenant = (await call('/integrated-account?tenant_id=globex')).json.result;
		expect(tenant.map((a: Json) => a.integration.name)).toEqual(['salesforce']);
		expect((await call('/integrated-account?limit=0')).status).toBe(400);
		expect((await call('/integrated-account?next_cursor=nope')).status).toBe(400);
	});

	it('gets one account by id, 404 otherwise', async () => {
		const id = sandbox.accounts.id('pipedrive');
		const one = await call(`/integrated-account/${id}`);
		expect(one.json).toMatchObject({ id, integration: { name: 'pipedrive' } });
		const missing = await call('/integrated-account/c0ffee00-0000-4000-8000-999999999999');
		expect(missing.json).toMatchObject({ statusCode: 404, error: 'Not Found' });
		expect((await call('/integrated-account/pipedrive')).status).toBe(404); // keys are not ids
	});

	it('needs integrated_account_id on every unified call', async () => {
		const res = await call('/unified/crm/contacts');
		expect(res.status).toBe(400);
		expect(res.json).toEqual({
			statusCode: 400,
			error: 'Bad Request',
			message: expect.stringContaining('integrated_account_id'),
			truto_error_insight: {
				missing_required_query_parameters: {
					description: expect.any(String),
					value: ['integrated_account_id'],
				},
			},
		});
		const twice = await call(
			`/unified/crm/contacts?integrated_account_id=a&integrated_account_id=b`,
		);
		expect(twice.status).toBe(400);
	});

	it('answers an unknown account with 400, or 404 when chosen', async () => {
		const path = '/unified/crm/contacts?integrated_account_id=c0ffee00-0000-4000-8000-000000000999';
		expect((await call(path)).json).toMatchObject({ statusCode: 400 });
		await restart({ seed: true, unknownAccountStatus: 404 });
		expect((await call(path)).json).toMatchObject({ statusCode: 404, error: 'Not Found' });
	});

	it('answers 503 for a blocked account and a remote 401 for expired CRM credentials', async () => {
		const blocked = await unified('blocked', 'contacts');
		expect(blocked.status).toBe(503);
		expect(blocked.json.message).toMatch(/blocked/);
		expect(blocked.json.truto_is_remote_error).toBeUndefined();

		const expired = await unified('expired', 'contacts');
		expect(expired.status).toBe(401);
		expect(expired.json).toMatchObject({
			truto_is_remote_error: true,
			message: expect.stringMatching(/reconnect/),
			raw_response: expect.anything(),
		});

		sandbox.accounts.set('blocked', { blocked: false });
		expect((await unified('blocked', 'contacts')).status).toBe(200);
		sandbox.accounts.set('hubspot', { credentialsExpired: true });
		expect((await unified('hubspot', 'contacts')).json.raw_response).toMatchObject({
			category: 'INVALID_AUTHENTICATION',
		});
	});

	it('lets a sandbox-type account read but answers 405 to its writes', async () => {
		expect((await unified('readOnly', 'contacts')).status).toBe(200);
		const contact = await first('readOnly', 'contacts');
		for (const [method, path, body] of [
			['POST', 'contacts', { name: 'X' }],
			['PATCH', `contacts/${contact.id}`, { name: 'X' }],
			['DELETE', `contacts/${contact.id}`, undefined],
		] as const) {
			const res = await unified('readOnly', path, { method, body });
			expect([method, res.status]).toEqual([method, 405]);
		}
		expect(sandbox.store.get('contacts', contact.id, sandbox.accounts.id('readOnly'))).toEqual(
			expect.objectContaining({ id: contact.id }),
		);
	});

	it('keeps data per integrated account with ids in each CRM’s format', async () => {
		const made = await unified('hubspot', 'contacts', {
			method: 'POST',
			body: { first_name: 'Only', last_name: 'HubSpot' },
		});
		expect(made.json.id).toMatch(/^\d+$/);
		expect((await unified('salesforce', `contacts/${made.json.id}`)).status).toBe(404);
		expect((await unified('hubspot', `contacts/${made.json.id}`)).json.first_name).toBe('Only');
		expect((await first('salesforce', 'contacts')).id).toMatch(/^003Sb\d{10}AAA$/);
		expect((await first('pipedrive', 'contacts')).id).toMatch(/^\d+$/);
	});
});

/** A body each create accepts on Salesforce, the strictest seeded CRM. */
const CREATE_BODIES: Record<string, (ids: Record<string, string>) => Json> = {
	accounts: () => ({ name: 'New Co', website: 'https://new.test', number_of_employees: 5 }),
	contacts: () => ({
		first_name: 'Ada',
		last_name: 'Lovelace',
		email_addresses: [{ email: 'ada@new.test', type: 'work' }],
	}),
	leads: (ids) => ({
		last_name: 'Prospect',
		email_addresses: [{ email: 'p@new.test', type: 'work' }],
		converted_contact: { id: ids.contacts },
	}),
	opportunities: (ids) => ({
		name: 'Big deal',
		close_date: '2024-12-31',
		amount: 99.5,
		contact: [{ id: ids.contacts }],
	}),
	notes: () => ({ title: 'A note' }),
	users: () => ({ name: 'New User', email: 'new@sandbox.test', is_active: true }),
	engagements: () => ({ subject: 'Call', engagement_type: 'call', duration: 60 }),
	tasks: () => ({ subject: 'Do it', due_date: '2024-06-01T09:00:00Z' }),
	pipelines: () => ({ name: 'New pipeline', stages: [{ name: 'Start' }] }),
	fields: () => ({ name: 'Fresh__c', label: 'Fresh', entity: 'contact', type: 'string' }),
	field_groups: () => ({ name: 'extra', label: 'Extra' }),
	projects: () => ({ name: 'New project', amount: 10 }),
	associations: (ids) => ({
		entity: 'contacts',
		entity_id: ids.contacts,
		associations: { accounts: [{ id: ids.accounts }] },
	}),
};

const UPDATE_BODY = (resource: string): Json =>
	resource === 'users' || resource === 'fields' || resource === 'field_groups'
		? { name: 'Renamed' }
		: resource === 'tasks' || resource === 'engagements'
			? { subject: 'Renamed' }
			: resource === 'notes'
				? { title: 'Renamed' }
				: { name: 'Renamed' };

describe('every resource and method of crm.yml', () => {
	const methods = Object.entries(RESOURCES).flatMap(([resource, def]) =>
		Object.keys(def.methods).map((method) => `${resource}.${method}`),
	);

	it('knows the 17 resources and 69 operations of the reference', () => {
		expect(Object.keys(RESOURCES)).toHaveLength(17);
		expect(methods).toHaveLength(69);
	});

	it.each(Object.keys(RESOURCES))('serves %s', async (resource) => {
		const def = RESOURCES[resource];
		const ids = {
			contacts: (await first('salesforce', 'contacts')).id,
			accounts: (await first('salesforce', 'accounts')).id,
		};
		const done: string[] = [];
		let id: string | undefined;
		if (def.methods.list) {
			const res = await unified('salesforce', resource);
			expect([resource, res.status, res.json.result.length > 0]).toEqual([resource, 200, true]);
			expect(res.json).toHaveProperty('next_cursor');
			id = res.json.result[0].id;
			done.push('list');
		}
		if (def.methods.get) {
			const res = await unified('salesforce', `${resource}/${id}`);
			expect([resource, res.status, res.json.id]).toEqual([resource, 200, id]);
			expect(res.json).toHaveProperty('remote_data');
			done.push('get');
		}
		if (def.methods.create) {
			const res = await unified('salesforce', resource, {
				method: 'POST',
				body: CREATE_BODIES[resource](ids),
			});
			expect([resource, res.status, res.text]).toEqual([resource, 201, expect.any(String)]);
			expect(res.json).toMatchObject({ created_at: expect.any(String), remote_data: {} });
			if (resource !== 'associations') id = res.json.id;
			done.push('create');
		}
		if (def.methods.update) {
			const res = await unified('salesforce', `${resource}/${id}`, {
				method: 'PATCH',
				body: UPDATE_BODY(resource),
			});
			expect([resource, res.status, res.json.id]).toEqual([resource, 200, id]);
			expect(res.json).toMatchObject(UPDATE_BODY(resource));
			done.push('update');
		}
		if (def.methods.delete) {
			const res = await unified('salesforce', `${resource}/${id}`, { method: 'DELETE' });
			expect([resource, res.status, res.json]).toEqual([resource, 200, { id }]);
			expect((await unified('salesforce', `${resource}/${id}`)).status).toBe(404);
			done.push('delete');
		}
		if (def.methods.merge) {
			const [keep, drop] = (await unified('salesforce', resource)).json.result;
			const res = await unified('salesforce', `${resource}/merge`, {
				method: 'POST',
				body: {
					master_record: { id: keep.id },
					duplicate_records: [{ id: drop.id, fields: [{ name: 'name' }] }],
				},
			});
			expect(res.status).toBe(200);
			expect(res.json.result).toMatchObject({ id: keep.id, name: drop.name });
			expect((await unified('salesforce', `${resource}/${drop.id}`)).status).toBe(404);
			done.push('merge');
		}
		if (def.methods['batch-delete']) {
			const gone = (await unified('salesforce', resource)).json.result.slice(0, 2);
			const idList = gone.map((r: Json) => r.id);
			const res = await unified('salesforce', `${resource}/batch-delete`, {
				method: 'POST',
				query: idList.map((x: string) => `id[]=${x}`).join('&'),
				body: { id: idList },
			});
			expect(res.json).toEqual({ result: idList.map((x: string) => ({ id: x, deleted: true })) });
			for (const x of idList) expect(sandbox.store.get(resource, x)).toBeUndefined();
			done.push('batch-delete');
		}
		expect(done.sort()).toEqual(Object.keys(def.methods).sort());
	});

	it('routes only the methods a resource has', async () => {
		const view = await first('hubspot', 'views');
		expect((await unified('hubspot', `views/${view.id}`)).status).toBe(404);
		expect((await unified('hubspot', 'stages', { method: 'POST', body: {} })).status).toBe(404);
		const group = await first('hubspot', 'field_groups');
		const noDelete = await unified('hubspot', `field_groups/${group.id}`, { method: 'DELETE' });
		expect(noDelete.json).toMatchObject({
			statusCode: 404,
			message: expect.stringMatching(/route/),
		});
		expect((await unified('hubspot', 'nothings')).status).toBe(404);
		expect((await unified('hubspot', 'leads/merge', { method: 'POST', body: {} })).status).toBe(
			404,
		);
		expect((await call('/unified/crm/contacts/..%2Fusers/x')).status).toBe(404);
	});
});

describe('odd input', () => {
	it('answers prototype-like names with 4xx, never a sandbox bug or a polluted process', async () => {
		const contact = await first('hubspot', 'contacts');
		const attempts: [string, Awaited<ReturnType<typeof call>>][] = [
			['resource', await unified('hubspot', 'constructor')],
			['meta resource', await unified('hubspot', '__proto__/meta/list')],
			['meta method', await unified('hubspot', 'contacts/meta/constructor')],
			[
				'custom method',
				await unified('hubspot', 'contacts/constructor', { method: 'POST', body: {} }),
			],
			['query name', await unified('hubspot', 'contacts', { query: 'constructor=1&toString=2' })],
			[
				'body key',
				await unified('hubspot', `contacts/${contact.id}`, {
					method: 'PATCH',
					body: '{"__proto__": {"polluted": "yes"}, "constructor": 1}',
				}),
			],
			[
				'association entity',
				await unified('hubspot', 'associations', {
					method: 'POST',
					body: { entity: '__proto__', entity_id: contact.id, associations: {} },
				}),
			],
		];
		for (const [what, res] of attempts) {
			expect([what, res.status >= 400 && res.status < 500, res.text]).toEqual([
				what,
				true,
				expect.not.stringContaining('Sandbox bug'),
			]);
		}
		const dropped = await unified('hubspot', 'contacts', {
			query: '__proto__[polluted]=yes&constructor[prototype][polluted]=yes',
		});
		expect(dropped.status).toBe(200); // such keys are dropped while parsing
		expect(({} as Json).polluted).toBeUndefined();
	});
});

describe('records', () => {
	it('answers snake_case records with links, custom fields and the CRM’s raw record', async () => {
		const contact = await first('salesforce', 'contacts');
		expect(contact).toMatchObject({
			id: expect.any(String),
			first_name: 'Jane',
			account: { id: expect.any(String) },
			owner: { id: expect.any(String) },
			email_addresses: [{ email: 'jane@acme.test', type: 'work' }],
			custom_fields: { Preferred_Channel__c: 'email' },
			created_at: expect.any(String),
			updated_at: expect.any(String),
			remote_data: {
				attributes: { type: 'Contact' },
				Id: contact.id,
				FirstName: 'Jane',
				Preferred_Channel__c: 'email',
			},
		});
		const hubspot = await first('hubspot', 'contacts');
		expect(hubspot.remote_data).toMatchObject({
			id: hubspot.id,
			properties: { firstname: 'Jane', hs_persona: 'persona_1' },
		});
		const pipedrive = await first('pipedrive', 'contacts');
		expect(pipedrive.remote_data).toMatchObject({ id: Number(pipedrive.id), first_name: 'Jane' });
	});

	it('merges updates, passes remote_data through and answers lead conversions as plain ids', async () => {
		const contact = await first('hubspot', 'contacts');
		const made = await unified('hubspot', 'leads', {
			method: 'POST',
			body: {
				first_name: 'Conv',
				converted_contact: { id: contact.id },
				remote_data: { hs_analytics_source: 'DIRECT' },
				custom_fields: { hs_lead_status: 'OPEN' },
			},
		});
		expect(made.json).toMatchObject({
			converted_contact: contact.id,
			custom_fields: { hs_lead_status: 'OPEN' },
			remote_data: { hs_analytics_source: 'DIRECT', properties: { firstname: 'Conv' } },
		});
		const patched = await unified('hubspot', `leads/${made.json.id}`, {
			method: 'PATCH',
			body: { last_name: 'Later', title: null },
		});
		expect(patched.json).toMatchObject({ first_name: 'Conv', last_name: 'Later', title: null });
		expect(Date.parse(patched.json.updated_at)).toBeGreaterThanOrEqual(
			Date.parse(made.json.updated_at),
		);
		const stored = sandbox.store.get('leads', made.json.id);
		expect(stored).toMatchObject({ remote_data: { hs_analytics_source: 'DIRECT' } });
	});

	it('answers a 404 from the CRM in that CRM’s own words', async () => {
		const hubspot = await unified('hubspot', 'contacts/404404');
		expect(hubspot.json).toMatchObject({
			statusCode: 404,
			error: 'Not Found',
			truto_is_remote_error: true,
			raw_response: { status: 'error', category: 'OBJECT_NOT_FOUND' },
			truto_error_insight: { remote_error: expect.any(Object) },
		});
		const salesforce = await unified('salesforce', 'contacts/003x');
		expect(salesforce.json.raw_response).toEqual([
			expect.objectContaining({ errorCode: 'NOT_FOUND' }),
		]);
		const pipedrive = await unified('pipedrive', 'contacts/9999', { method: 'DELETE' });
		expect(pipedrive.json.raw_response).toMatchObject({ success: false, errorCode: 404 });
	});

	it('answers a repeated Idempotency-Key with the first response and writes once', async () => {
		const before = sandbox.store.count('contacts');
		const send = () =>
			unified('hubspot', 'contacts', {
				method: 'POST',
				body: { first_name: 'Once' },
				headers: { 'idempotency-key': 'key-1' },
			});
		const a = await send();
		const b = await send();
		expect(b.json).toEqual(a.json);
		expect(sandbox.store.count('contacts')).toBe(before + 1);
	});
});

describe('write validation', () => {
	const post = (account: string, resource: string, body: unknown) =>
		unified(account, resource, { method: 'POST', body });

	it('names each field that misses, has the wrong type or is unknown', async () => {
		const res = await post('hubspot', 'leads', {
			email_addresses: [{ email: 'x@y.test' }],
			number_of_employees: '12',
			phone_numbers: 'call me',
			owner: { id: 5 },
			favourite_colour: 'blue',
		});
		expect(res.status).toBe(400);
		expect(res.json.details.failures.map((f: Json) => f.field)).toEqual([
			'email_addresses[0].type',
			'number_of_employees',
			'phone_numbers',
			'owner.id',
			'favourite_colour',
		]);
		expect(res.json.message).toContain('email_addresses[0].type is required');
		expect(res.json.message).toContain('number_of_employees must be an integer');
		expect(res.json.truto_error_insight).toEqual({
			missing_required_body_fields: {
				description: expect.any(String),
				value: ['email_addresses[0].type'],
			},
		});
	});

	it('applies either-or requirements, needs an object body and checks dates', async () => {
		const account = await post('hubspot', 'accounts', { industry: 'X' });
		expect(account.json.message).toBe('one of name or website is required');
		expect((await post('hubspot', 'accounts', { website: 'https://w.test' })).status).toBe(201);
		expect((await post('hubspot', 'notes', {})).json.message).toMatch(/title or content/);
		expect((await post('hubspot', 'notes', [1])).json.message).toMatch(/JSON object/);
		expect((await post('hubspot', 'notes', 'plain text')).status).toBe(400);
		const date = await post('hubspot', 'tasks', { due_date: 'next week' });
		expect(date.json.message).toBe('due_date must be an ISO 8601 date-time');
	});

	it('can ignore unknown fields instead', async () => {
		await restart({ seed: true, unknownFields: 'ignore' });
		const res = await post('hubspot', 'contacts', { first_name: 'A', nickname: 'B' });
		expect(res.status).toBe(201);
		expect((await unified('hubspot', 'contacts', { query: 'colour=red' })).status).toBe(200);
	});

	it('answers the CRM’s own rules as remote 422s', async () => {
		const sf = await post('salesforce', 'contacts', { first_name: 'No last name' });
		expect(sf.status).toBe(422);
		expect(sf.json).toMatchObject({
			truto_is_remote_error: true,
			message: expect.stringContaining('last_name'),
			raw_response: [expect.objectContaining({ errorCode: 'REQUIRED_FIELD_MISSING' })],
		});
		expect((await post('hubspot', 'contacts', { first_name: 'Fine' })).status).toBe(201);
		const pd = await post('pipedrive', 'accounts', { website: 'https://x.test' });
		expect([pd.status, pd.json.raw_response.success]).toEqual([422, false]);

		const custom = await post('hubspot', 'contacts', {
			first_name: 'C',
			custom_fields: { Lead_Score__c: 1 },
		});
		expect(custom.status).toBe(422);
		expect(custom.json.message).toContain('Lead_Score__c');
		const ok = await post('salesforce', 'leads', {
			last_name: 'L',
			custom_fields: { Lead_Score__c: 7 },
		});
		expect(ok.json.custom_fields).toEqual({ Lead_Score__c: 7 });
	});

	it('accepts a custom field once the fields resource has it', async () => {
		const body = { first_name: 'C', custom_fields: { Shoe_Size__c: 44 } };
		expect((await post('hubspot', 'contacts', body)).status).toBe(422);
		await post('hubspot', 'fields', { name: 'Shoe_Size__c', entity: 'contact', type: 'number' });
		expect((await post('hubspot', 'contacts', body)).status).toBe(201);
	});
});

describe('lists', () => {
	const page = (account: string, resource: string, query: string) =>
		unified(account, resource, { query });

	it('pages with opaque cursors until next_cursor is null, capped by the CRM', async () => {
		sandbox.store.clear('contacts');
		sandbox.store.insertMany(
			'contacts',
			Array.from({ length: 250 }, (_, i) => ({ name: `Contact ${i}` })),
		);
		const seen = new Set<string>();
		let cursor: string | null = null;
		let pages = 0;
		do {
			const res: Awaited<ReturnType<typeof call>> = await page(
				'hubspot',
				'contacts',
				`limit=500${cursor ? `&next_cursor=${encodeURIComponent(cursor)}` : ''}`,
			);
			expect(res.json.result.length).toBeLessThanOrEqual(100); // HubSpot caps pages at 100
			expect(res.json.result_count).toBe(res.json.result.length);
			for (const record of res.json.result) seen.add(record.id);
			cursor = res.json.next_cursor;
			pages++;
		} while (cursor);
		expect([pages, seen.size]).toEqual([3, 250]);

		const firstPage = await page('hubspot', 'contacts', '');
		expect(firstPage.json.result).toHaveLength(20);
		expect(firstPage.json.prev_cursor).toBeNull();
		const second = await page(
			'hubspot',
			'contacts',
			`limit=20&next_cursor=${firstPage.json.next_cursor}`,
		);
		expect(second.json.result[0].name).toBe('Contact 20');
		expect(second.json.prev_cursor).not.toBeNull();
		const ignored = await page('hubspot', 'contacts', 'limit=5&truto_ignore_limit=true');
		expect(ignored.json.result).toHaveLength(100);
	});

	it('rejects bad limits and cursors from elsewhere', async () => {
		for (const limit of ['0', 'abc', '-1', '2.5']) {
			const res = await page('hubspot', 'contacts', `limit=${limit}`);
			expect([limit, res.status, res.json.details.failures[0].field]).toEqual([
				limit,
				400,
				'limit',
			]);
		}
		const cursor = (await page('hubspot', 'contacts', 'limit=1')).json.next_cursor;
		for (const [account, resource, c] of [
			['hubspot', 'contacts', 'garbage'],
			['hubspot', 'leads', cursor], // another list
			['salesforce', 'contacts', cursor], // another integrated account
		]) {
			const res = await page(account, resource, `next_cursor=${c}`);
			expect([res.status, res.json.message]).toEqual([400, expect.stringMatching(/next_cursor/)]);
		}
	});

	it('filters on names, emails, phones, links, custom fields and dates', async () => {
		const names = async (account: string, resource: string, query: string) => {
			const res = await page(account, resource, query);
			expect([query, res.status]).toEqual([query, 200]);
			return res.json.result.map((r: Json) => r.name);
		};
		expect(await names('hubspot', 'contacts', 'name=jane%20doe')).toEqual(['Jane Doe']);
		expect(await names('hubspot', 'contacts', 'first_name=JOHN')).toEqual(['John Smith']);
		expect(await names('hubspot', 'contacts', 'email_addresses=MIA@example.test')).toEqual([
			'Mia Wong',
		]);
		expect(
			await names(
				'hubspot',
				'contacts',
				'email_addresses[]=x@y.z&email_addresses[]=jane@acme.test',
			),
		).toEqual(['Jane Doe']);
		expect(await names('hubspot', 'contacts', 'phone_numbers=15550101')).toEqual(['Jane Doe']);
		const ava = (await first('hubspot', 'users')).id;
		expect(await names('hubspot', 'leads', `owner[id]=${ava}`)).toEqual(['Lena Lead']);
		expect(await names('hubspot', 'leads', 'lead_source=website&country=de')).toEqual([
			'Lena Lead',
		]);
		expect(await names('hubspot', 'leads', 'state=TX')).toEqual(['Omar Prospect']);
		expect(await names('salesforce', 'leads', 'custom_fields[Region__c]=emea')).toEqual([
			'Lena Lead',
		]);
		const pipeline = (await first('hubspot', 'pipelines')).id;
		expect(await names('hubspot', 'stages', `pipeline[id]=${pipeline}&status=won`)).toEqual([
			'Closed Won',
		]);
		expect(await names('hubspot', 'stages', 'position=2')).toEqual(['Proposal']);
		expect(await names('hubspot', 'fields', 'entity=lead')).toEqual(['hs_lead_status']);
		expect(await names('hubspot', 'users', 'email=sam@sandbox.test')).toEqual(['Sam Seller']);

		const [jane, john, mia] = (await page('hubspot', 'contacts', '')).json.result;
		expect(await names('hubspot', 'contacts', `created_at[gt]=${jane.created_at}`)).toEqual([
			john.name,
			mia.name,
		]);
		expect(
			await names(
				'hubspot',
				'contacts',
				`created_at[gte]=${jane.created_at}&created_at[lt]=${mia.created_at}`,
			),
		).toEqual([jane.name, john.name]);
		expect(await names('hubspot', 'contacts', `updated_at[lte]=${jane.updated_at}`)).toEqual([
			jane.name,
		]);
		expect(await names('hubspot', 'contacts', `created_at=${john.created_at}`)).toEqual([
			john.name,
		]);
	});

	it('rejects bad filter values and parameters the method does not have', async () => {
		const failure = async (query: string) => {
			const res = await page('hubspot', 'contacts', query);
			expect([query, res.status]).toEqual([query, 400]);
			return res.json.message as string;
		};
		expect(await failure('created_at[gt]=yesterday')).toMatch(/created_at\[gt\].*ISO 8601/);
		expect(await failure('created_at[after]=2024-01-01')).toMatch(/not an operator/);
		expect(await failure('lead_source=web')).toMatch(/lead_source is not supported/);
		expect(await failure('truto_response_format=xml')).toMatch(/must be one of/);
		expect(await failure('truto_ignore_remote_data=yes')).toMatch(/true or false/);
		expect(await failure('remote_query=plain')).toMatch(/remote_query must be an object/);
	});

	it('offers search_term and sort_by where the CRM has them', async () => {
		const names = async (account: string, query: string) =>
			(await page(account, 'contacts', query)).json.result.map((r: Json) => r.name);
		expect(await names('hubspot', 'search_term=GLOBEX')).toEqual(['John Smith']);
		expect(await names('pipedrive', 'search_term=wong')).toEqual(['Mia Wong']);
		expect(await names('salesforce', 'sort_by[name]=desc')).toEqual([
			'Mia Wong',
			'John Smith',
			'Jane Doe',
		]);
		expect((await page('pipedrive', 'contacts', 'sort_by[name]=asc')).status).toBe(400);
		expect((await page('hubspot', 'contacts', 'sort_by[title]=asc')).json.message).toMatch(
			/sorts only by/,
		);
		expect((await page('hubspot', 'contacts', 'sort_by[name]=up')).status).toBe(400);
		expect((await page('hubspot', 'notes', 'search_term=x')).status).toBe(400); // lists of contacts, leads… only
	});

	it('honours Truto’s own query parameters', async () => {
		const noRemote = await page('hubspot', 'contacts', 'truto_ignore_remote_data=true');
		expect(noRemote.json.result[0]).not.toHaveProperty('remote_data');
		const excluded = await page(
			'hubspot',
			'contacts',
			'truto_exclude_fields[]=email_addresses&truto_exclude_fields[]=owner',
		);
		expect(excluded.json.result[0]).not.toHaveProperty('email_addresses');
		expect(excluded.json.result[0]).not.toHaveProperty('owner');
		const comma = await page('hubspot', 'contacts', 'truto_exclude_fields=title,account');
		expect(Object.keys(comma.json.result[0])).not.toContain('account');
		const raw = await page('salesforce', 'contacts', 'truto_response_format=raw&limit=1');
		expect(raw.json.result[0]).toMatchObject({ attributes: { type: 'Contact' } });
		const keyed = await page('hubspot', 'users', 'truto_key_by=email');
		expect(Object.keys(keyed.json.result)).toEqual(['ava@sandbox.test', 'sam@sandbox.test']);

		sandbox.clearRequests();
		const passed = await page(
			'hubspot',
			'contacts',
			'remote_query[archived]=false&truto_super_query=apac',
		);
		expect(passed.status).toBe(200);
		expect(sandbox.requests[0].query.remote_query).toEqual({ archived: 'false' });
		const single = await unified('hubspot', `contacts/${passed.json.result[0].id}`, {
			query: 'truto_ignore_remote_data=true',
		});
		expect(single.json).not.toHaveProperty('remote_data');
	});
});

describe('merge, batch delete and associations', () => {
	it('merges only where the CRM can, within its limits', async () => {
		await restart({
			seed: true,
			accounts: [
				{ key: 'zoho', integration: 'zohocrm' },
				{ key: 'close', integration: 'close' },
			],
		});
		const ids = (await unified('zoho', 'contacts')).json.result.map((c: Json) => c.id);
		const body = (dups: string[]) => ({
			master_record: { id: ids[0] },
			duplicate_records: dups.map((id) => ({ id, fields: [] })),
		});
		const tooMany = await unified('zoho', 'contacts/merge', {
			method: 'POST',
			body: body([ids[1], ids[2], ids[0]]),
		});
		expect(tooMany.json.message).toMatch(/at most 2/);
		const self = await unified('zoho', 'contacts/merge', { method: 'POST', body: body([ids[0]]) });
		expect(self.status).toBe(400);
		const missing = await unified('zoho', 'contacts/merge', {
			method: 'POST',
			body: body(['nope']),
		});
		expect(missing.status).toBe(404);
		const none = await unified('close', 'contacts/merge', { method: 'POST', body: body([ids[1]]) });
		expect(none.json.message).toMatch(/has no merge method/);
		const invalid = await unified('zoho', 'contacts/merge', {
			method: 'POST',
			body: { master_record: {}, duplicate_records: [] },
		});
		expect(invalid.json.details.failures.map((f: Json) => f.field)).toEqual([
			'master_record.id',
			'duplicate_records',
		]);
	});

	it('batch-deletes with the ids where each CRM wants them', async () => {
		const contacts = async (account: string) =>
			(await unified(account, 'contacts')).json.result.map((c: Json) => c.id as string);
		const [sf1, sf2] = await contacts('salesforce');
		const bodyOnly = await unified('salesforce', 'contacts/batch-delete', {
			method: 'POST',
			body: { id: [sf1] },
		});
		expect(bodyOnly.json.truto_error_insight).toHaveProperty(
			'conditionally_required_query_parameters',
		);
		const mismatch = await unified('salesforce', 'contacts/batch-delete', {
			method: 'POST',
			query: `id[]=${sf2}`,
			body: { id: [sf1] },
		});
		expect(mismatch.json.message).toMatch(/different records/);
		const [hs] = await contacts('hubspot');
		const hubspot = await unified('hubspot', 'contacts/batch-delete', {
			method: 'POST',
			body: { id: [hs] },
		});
		expect(hubspot.json).toEqual({ result: [{ id: hs, deleted: true }] });
		const unknown = await unified('hubspot', 'contacts/batch-delete', {
			method: 'POST',
			body: { id: ['404'] },
		});
		expect(unknown.status).toBe(404);
		const [pd] = await contacts('pipedrive');
		const pipedrive = await unified('pipedrive', 'contacts/batch-delete', {
			method: 'POST',
			body: { id: [pd] },
		});
		expect([pipedrive.status, pipedrive.json.message]).toEqual([
			404,
			expect.stringMatching(/Pipedrive integration has no batch-delete/),
		]);
		expect(
			(await unified('hubspot', 'contacts/batch-delete', { method: 'POST', body: { id: [] } })).json
				.message,
		).toMatch(/id needs at least 1/);
	});

	it('links existing records, accepting the reference’s acocunts spelling', async () => {
		const contact = await first('hubspot', 'contacts');
		const account = await first('hubspot', 'accounts');
		const res = await unified('hubspot', 'associations', {
			method: 'POST',
			body: {
				entity: 'contacts',
				entity_id: contact.id,
				associations: { acocunts: [{ id: account.id }] },
			},
		});
		expect(res.json).toMatchObject({
			entity: 'contacts',
			entity_id: contact.id,
			associations: { accounts: [{ id: account.id }] },
		});
		const unknown = await unified('hubspot', 'associations', {
			method: 'POST',
			body: { entity: 'contacts', entity_id: contact.id, associations: { leads: [{ id: 'x' }] } },
		});
		expect(unknown.status).toBe(404);
		const badEntity = await unified('hubspot', 'associations', {
			method: 'POST',
			body: { entity: 'planets', entity_id: contact.id, associations: {} },
		});
		expect(badEntity.status).toBe(400);
	});
});

describe('method metadata', () => {
	const meta = (account: string, resource: string, method: string) =>
		call(
			`/unified/crm/${resource}/meta/${method}?integrated_account_id=${sandbox.accounts.id(account)}`,
		);

	it('describes each CRM’s own body, with its required and custom fields', async () => {
		const sf = (await meta('salesforce', 'contacts', 'create')).json;
		const hs = (await meta('hubspot', 'contacts', 'create')).json;
		expect(sf).toMatchObject({
			method: 'create',
			request_body_schema: {
				last_name: { type: 'string', required: true },
				email_addresses: {
					type: 'array',
					items: { type: 'object', required: ['email', 'type'] },
				},
				custom_fields: {
					type: 'object',
					properties: { Preferred_Channel__c: { type: 'string', title: 'Preferred Channel' } },
				},
			},
			default_query: {},
			default_body: {},
			documentation_link: expect.any(String),
		});
		expect(sf.request_body_schema).not.toHaveProperty('tags'); // not mapped for Salesforce
		expect(hs.request_body_schema.last_name).toEqual({ type: 'string' });
		expect(hs.request_body_schema).toHaveProperty('tags');
		expect(Object.keys(hs.request_body_schema.custom_fields.properties)).toEqual([
			'hs_persona',
			'lifecyclestage',
		]);
		expect(hs.request_body_schema.custom_fields.properties.hs_persona.enum).toEqual([
			'persona_1',
			'persona_2',
		]);
		const update = (await meta('salesforce', 'contacts', 'update')).json;
		expect(update.request_body_schema.last_name).toEqual({ type: 'string' });
		expect(sf.schema).toHaveProperty('remote_data');
	});

	it('lists the filters each CRM supports', async () => {
		const hs = (await meta('hubspot', 'contacts', 'list')).json.query_schema;
		const pd = (await meta('pipedrive', 'contacts', 'list')).json.query_schema;
		expect(Object.keys(hs)).toEqual([
			'first_name',
			'last_name',
			'name',
			'email_addresses',
			'phone_numbers',
			'created_at',
			'updated_at',
			'search_term',
			'sort_by',
		]);
		expect(pd).not.toHaveProperty('sort_by');
		expect(pd).toHaveProperty('search_term');
		expect(hs.created_at.anyOf).toHaveLength(2);
		const leads = (await meta('hubspot', 'leads', 'list')).json.query_schema;
		expect(leads.owner).toEqual({ type: 'object', properties: { id: { type: 'string' } } });
	});

	it('includes custom fields created through the API', async () => {
		await unified('pipedrive', 'fields', {
			method: 'POST',
			body: { name: 'abc123', label: 'Shoe size', entity: 'contact', type: 'number' },
		});
		const pd = (await meta('pipedrive', 'contacts', 'create')).json.request_body_schema;
		expect(pd.custom_fields.properties.abc123).toEqual({ type: 'number', title: 'Shoe size' });
		expect(pd.name).toEqual({ type: 'string', required: true });
	});

	it('can be unavailable per account or for all, with 404 or 501', async () => {
		sandbox.accounts.set('hubspot', { meta: 501 });
		expect((await meta('hubspot', 'contacts', 'create')).json).toMatchObject({
			statusCode: 501,
			error: 'Not Implemented',
		});
		expect((await meta('salesforce', 'contacts', 'create')).status).toBe(200);
		sandbox.accounts.set('hubspot', { meta: undefined });
		expect((await meta('hubspot', 'contacts', 'create')).status).toBe(200);
		await restart({ seed: true, meta: 404 });
		expect((await meta('salesforce', 'contacts', 'list')).status).toBe(404);
	});

	it('answers 404 for methods a resource lacks and checks the account', async () => {
		expect((await meta('hubspot', 'stages', 'create')).status).toBe(404);
		expect((await meta('hubspot', 'planets', 'list')).status).toBe(404);
		expect((await meta('hubspot', 'contacts', 'merge')).status).toBe(200);
		expect((await call('/unified/crm/contacts/meta/list')).status).toBe(400);
		expect((await meta('blocked', 'contacts', 'list')).status).toBe(503);
		expect((await meta('readOnly', 'contacts', 'create')).status).toBe(200);
	});
});

describe('rate limits and faults', () => {
	it('limits the token’s request rate with Truto’s 429 and rate-limit headers', async () => {
		sandbox.setRateLimit(3);
		const statuses = [];
		for (let i = 0; i < 5; i++) statuses.push((await unified('hubspot', 'users')).status);
		expect(statuses).toEqual([200, 200, 200, 429, 429]);
		const limited = await unified('hubspot', 'users');
		expect(limited.json).toEqual({
			statusCode: 429,
			error: 'Too Many Requests',
			message: expect.stringMatching(/3 requests per 1 s/),
		});
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect(limited.headers.get('ratelimit-limit')).toBe('3');
		expect(limited.headers.get('ratelimit-remaining')).toBe('0');
		expect(Number(limited.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
		sandbox.setRateLimit(undefined);
		expect((await unified('hubspot', 'users')).status).toBe(200);
	});

	it('can limit per window of several seconds, as Truto does', async () => {
		await restart({ seed: true, rateLimit: { limit: 2, windowSeconds: 10 } });
		await unified('hubspot', 'users');
		await unified('hubspot', 'users');
		const limited = await unified('hubspot', 'users');
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(5);
	});

	it('answers a CRM’s 429 as a remote error with Retry-After, then recovers', async () => {
		sandbox.faults.rateLimit({ retryAfterSeconds: 7, path: '/unified/crm/leads', limit: 40 });
		expect((await unified('hubspot', 'contacts')).status).toBe(200);
		const limited = await unified('hubspot', 'leads');
		expect(limited.status).toBe(429);
		expect(limited.json).toMatchObject({
			truto_is_remote_error: true,
			raw_response: expect.anything(),
			truto_error_insight: { rate_limit_error: { value: 7 } },
		});
		expect(limited.headers.get('retry-after')).toBe('7');
		expect(limited.headers.get('ratelimit-limit')).toBe('40');
		expect(limited.headers.get('ratelimit-reset')).toBe('7');
		expect((await unified('hubspot', 'leads')).status).toBe(200);
		sandbox.faults.rateLimit({ remote: false });
		expect((await unified('hubspot', 'leads')).json.truto_is_remote_error).toBeUndefined();
	});

	it('bursts 5xx and can break a create after performing it', async () => {
		sandbox.faults.serverError({ status: 502, times: 2, method: 'GET', remote: true });
		const failed = await unified('hubspot', 'leads');
		expect(failed.json).toMatchObject({ statusCode: 502, truto_is_remote_error: true });
		expect((await unified('hubspot', 'leads')).status).toBe(502);
		expect((await unified('hubspot', 'leads')).status).toBe(200);

		const before = sandbox.store.count('leads');
		sandbox.faults.serverError({ processed: true });
		const res = await unified('hubspot', 'leads', { method: 'POST', body: { first_name: 'B' } });
		expect(res.json).toMatchObject({ statusCode: 500, error: 'Internal Server Error' });
		expect(sandbox.store.count('leads')).toBe(before + 1);
	});

	it('slows, garbles, hangs up and breaks cursors on demand', async () => {
		sandbox.faults.slow({ ms: 300 });
		const started = Date.now();
		await unified('hubspot', 'leads');
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);

		sandbox.faults.malformedJson();
		const garbled = await unified('hubspot', 'leads');
		expect(garbled.status).toBe(200);
		expect(() => JSON.parse(garbled.text)).toThrow();

		sandbox.faults.hangUp();
		await expect(unified('hubspot', 'leads')).rejects.toThrow();

		sandbox.faults.repeatCursor({ path: '/unified/crm/leads' });
		const repeated = await unified('hubspot', 'leads', { query: 'limit=1' });
		const again = await unified('hubspot', 'leads', {
			query: `limit=1&next_cursor=${repeated.json.next_cursor}`,
		});
		expect(again.json.result).toEqual(repeated.json.result);

		sandbox.faults.invalidCursor();
		expect((await unified('hubspot', 'leads')).json.message).toMatch(/next_cursor/);

		sandbox.faults.error({
			status: 403,
			remote: true,
			rawResponse: { message: 'missing scope crm.objects.leads.read' },
			insight: { forbidden_error: { description: 'Scopes', value: ['crm.objects.leads.read'] } },
		});
		const forbidden = await unified('hubspot', 'leads');
		expect(forbidden.json).toMatchObject({
			statusCode: 403,
			error: 'Forbidden',
			truto_is_remote_error: true,
			raw_response: { message: 'missing scope crm.objects.leads.read' },
			truto_error_insight: { forbidden_error: { value: ['crm.objects.leads.read'] } },
		});
		expect(sandbox.faults.pending()).toEqual([]);
	});

	it('records requests with the raw path, raw and parsed query and body', async () => {
		sandbox.clearRequests();
		await unified('hubspot', 'leads', {
			method: 'POST',
			query: 'truto_exclude_fields%5B%5D=owner',
			body: { first_name: 'R' },
		});
		const [req] = sandbox.requests;
		expect(req).toMatchObject({
			method: 'POST',
			path: '/unified/crm/leads',
			query: {
				integrated_account_id: sandbox.accounts.id('hubspot'),
				truto_exclude_fields: { '': 'owner' },
			},
			body: { first_name: 'R' },
		});
		expect(req.rawQuery).toContain('truto_exclude_fields%5B%5D=owner');
		expect(req.headers.authorization).toBe(`Bearer ${sandbox.token}`);
	});

	it('answers create with 200 when chosen', async () => {
		await restart({ seed: true, createStatus: 200 });
		const res = await unified('hubspot', 'notes', { method: 'POST', body: { content: 'x' } });
		expect(res.status).toBe(200);
	});
});
