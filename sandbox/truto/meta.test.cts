import type { TrutoSandbox } from './index.cjs';
import { useTrutoSandbox } from './test-support.cjs';

let sandbox: TrutoSandbox;
const { call, restart, unified } = useTrutoSandbox({ seed: true }, (s) => (sandbox = s));

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
