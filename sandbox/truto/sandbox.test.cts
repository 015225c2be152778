import { RESOURCES } from './generated/schema.cjs';
import type { TrutoSandbox } from './index.cjs';
import { useTrutoSandbox, type Json } from './test-support.cjs';

let sandbox: TrutoSandbox;
const { call, first, restart, unified } = useTrutoSandbox({ seed: true }, (s) => (sandbox = s));

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
