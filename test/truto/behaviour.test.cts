/**
 * How the Truto CRM node behaves beyond single requests: paging, the integrated account per
 * item, Truto's query options, Simplify, errors per item, and Create or Update.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/engine.cjs';
import { trutoCredentials } from '../helpers/sandbox-credentials.cjs';
import { useTruto } from '../helpers/use-sandbox.cjs';

const sandbox = useTruto({ reset: 'records' });
beforeEach(() => sandbox.faults.clear());

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

function run(parameters: INodeParameters, input?: INodeExecutionData[], continueOnFail = false) {
	return runNode({
		type: 'trutoCrm',
		parameters,
		input,
		continueOnFail,
		credentials: trutoCredentials(sandbox),
	});
}

const contactsSent = () =>
	sandbox.requests.filter((r) => r.path.startsWith('/unified/crm/contacts'));

describe('Get Many', () => {
	const seed = (count: number) =>
		sandbox.store.insertMany(
			'contacts',
			Array.from({ length: count }, (_, i) => ({ first_name: `P${i}`, last_name: 'X' })),
		);

	it('returns every record over next_cursor with Return All', async () => {
		seed(250);
		const { items, error } = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(new Set(items.map((i) => i.json.id)).size).toBe(250);
		expect(contactsSent().map((r) => r.query.limit)).toEqual(['100', '100', '100']);
		expect(contactsSent()[1].query.next_cursor).toEqual(expect.any(String));
	});

	it('returns exactly the limit, asking only for what is left', async () => {
		seed(250);
		const { items } = await run({ resource: 'contact', operation: 'getAll', limit: 120 });
		expect(items).toHaveLength(120);
		expect(contactsSent().map((r) => r.query.limit)).toEqual(['100', '20']);
	});

	it('stops clearly when Truto repeats a cursor, with no partial output', async () => {
		seed(250);
		sandbox.faults.repeatCursor({ times: 5 });
		const { items, error } = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
		});
		expect(items).toHaveLength(0);
		expect(error?.message).toBe('Truto kept returning the same page');
	});

	it('keeps the main fields with Simplify and everything without it', async () => {
		seed(1);
		const simple = await run({ resource: 'contact', operation: 'getAll', limit: 1 });
		expect(Object.keys(simple.items[0].json).sort()).toEqual(
			['created_at', 'first_name', 'id', 'last_name', 'updated_at'].sort(),
		);
		const whole = await run({
			resource: 'contact',
			operation: 'getAll',
			limit: 1,
			simplify: false,
		});
		expect(whole.items[0].json.remote_data).toEqual(expect.any(Object));
		expect(sandbox.requests.at(-1)!.query.truto_ignore_remote_data).toBeUndefined();
	});

	it('sends Truto’s own options and removes excluded fields from the output too', async () => {
		seed(1);
		const { items } = await run({
			resource: 'contact',
			operation: 'getAll',
			limit: 1,
			simplify: false,
			options: {
				excludeFields: 'last_name, remote_data',
				ignoreRemoteData: true,
				remoteQuery: { parameters: [{ name: 'archived', value: 'false' }] },
				responseFormat: 'normalized',
			},
		});
		expect(decodeURIComponent(sandbox.requests.at(-1)!.rawQuery)).toBe(
			`integrated_account_id=${sandbox.accounts.defaultId()}&truto_ignore_remote_data=true&truto_exclude_fields[]=last_name&truto_exclude_fields[]=remote_data&truto_response_format=normalized&remote_query[archived]=false&limit=1`,
		);
		expect(items[0].json.last_name).toBeUndefined();
		expect(items[0].json.first_name).toBe('P0');
	});

	it('outputs the CRM’s own records with Response Format Raw, whole even with Simplify', async () => {
		seed(1);
		const { items } = await run({
			resource: 'contact',
			operation: 'getAll',
			limit: 1,
			options: { responseFormat: 'raw' },
		});
		expect(sandbox.requests.at(-1)!.query).toMatchObject({ truto_response_format: 'raw' });
		expect(sandbox.requests.at(-1)!.query.truto_ignore_remote_data).toBeUndefined();
		expect(items[0].json).toMatchObject({ properties: { firstname: 'P0' } });
	});

	it('sends the CRM filters Truto describes, JSON objects as bracketed keys', async () => {
		seed(3);
		const { items, error } = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			options: {
				crmFilters: {
					parameters: [
						{ name: 'search_term', value: 'p' },
						{ name: 'sort_by', value: '{"created_at": "desc"}' },
					],
				},
			},
		});
		expect(error).toBeUndefined();
		expect(decodeURIComponent(contactsSent()[0].rawQuery)).toContain(
			'search_term=p&sort_by[created_at]=desc',
		);
		expect(items).toHaveLength(3);
	});
});

describe('integrated account', () => {
	it('runs each item in the account it names, by expression, else the credential’s', async () => {
		const salesforce = sandbox.accounts.id('salesforce');
		sandbox.store.insert('users', { name: 'H' }, 'hubspot');
		sandbox.store.insert('users', { name: 'S' }, 'salesforce');
		const { items, error } = await run(
			{
				resource: 'user',
				operation: 'getAll',
				limit: 5,
				integratedAccount: byId('={{ $json.account }}'),
			},
			[{ json: { account: salesforce } }, { json: { account: '' } }],
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.name, i.pairedItem])).toEqual([
			['S', { item: 0 }],
			['H', { item: 1 }],
		]);
		expect(sandbox.requests.map((r) => r.query.integrated_account_id)).toEqual([
			salesforce,
			sandbox.accounts.defaultId(),
		]);
	});
});

describe('errors', () => {
	it('a blocked account fails that item, naming it; Continue On Fail keeps the others', async () => {
		const blocked = sandbox.accounts.id('blocked');
		sandbox.store.insert('users', { name: 'H' }, 'hubspot');
		const { items } = await run(
			{
				resource: 'user',
				operation: 'getAll',
				limit: 1,
				integratedAccount: byId('={{ $json.account }}'),
			},
			[{ json: { account: blocked } }, { json: { account: '' } }],
			true,
		);
		expect(items[0].json.error).toMatch(/^The integrated account is blocked in Truto/);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1]).toMatchObject({ json: { name: 'H' }, pairedItem: { item: 1 } });
	});

	it('a record the CRM does not have is a clear 404 for that item', async () => {
		const { error } = await run({ resource: 'contact', operation: 'get', id: byId('nope') });
		expect(error?.message).toBe(
			'The CRM found no such record: No contacts record with id nope (item 0)',
		);
		expect(error?.description).toMatch(/Request: GET \/unified\/crm\/contacts\/nope/);
		expect((error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(0);
	});

	it('bad input stops before sending, naming the field and the item', async () => {
		const { error } = await run({
			resource: 'contact',
			operation: 'create',
			additionalFields: { email_addresses: { values: [{ email: 'a@b.c', type: '' }] } },
		});
		expect(error?.message).toBe(
			'"Email Addresses 1 › Type" is required when the entry is used (item 0)',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('a write with no field at all stops before sending', async () => {
		const { error } = await run({ resource: 'lead', operation: 'create' });
		expect(error?.message).toBe('No fields to send (item 0)');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('a 429 waits for Retry-After and the write goes through once', async () => {
		sandbox.faults.rateLimit({ times: 2, retryAfterSeconds: 0, path: '/unified/crm/leads' });
		const { items, error } = await run({
			resource: 'lead',
			operation: 'create',
			additionalFields: { first_name: 'Once' },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(sandbox.store.count('leads')).toBe(1);
		expect(sandbox.requests).toHaveLength(3);
	});
});

describe('merge and delete many', () => {
	it('refuses to merge a record into itself', async () => {
		const { error } = await run({
			resource: 'contact',
			operation: 'merge',
			id: byId('1'),
			duplicates: { records: [{ id: byId('1'), fields: '' }] },
		});
		expect(error?.message).toBe('The contact to keep is also listed as a duplicate (item 0)');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('a CRM without Delete Many says so', async () => {
		const { error } = await run({
			resource: 'contact',
			operation: 'batchDelete',
			ids: '1,2',
			integratedAccount: byId(sandbox.accounts.id('pipedrive')),
		});
		expect(error?.message).toMatch(
			/^Truto found nothing to answer this: The Pipedrive integration has no batch-delete method/,
		);
		expect(error?.description).toMatch(/may not offer this operation/);
	});

	it('takes the IDs from an expression array', async () => {
		const ids = [1, 2, 3].map((n) =>
			String(sandbox.store.insert('contacts', { first_name: `${n}` }).id),
		);
		const { items, error } = await run(
			{ resource: 'contact', operation: 'batchDelete', ids: '={{ $json.ids }}' },
			[{ json: { ids } }],
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual(ids);
		expect(sandbox.store.count('contacts')).toBe(0);
	});
});

describe('Define Fields: the CRM’s own fields', () => {
	const column = (id: string) => ({
		id,
		displayName: id,
		required: false,
		display: true,
		type: 'string',
	});

	it('sends mapped columns as Truto’s body: links nested, empty columns left out', async () => {
		const { error } = await run({
			resource: 'note',
			operation: 'create',
			fieldSource: 'crm',
			columns: {
				mappingMode: 'defineBelow',
				value: { title: 'Hi', 'owner.id': '7', 'contact[].id': '1, 2', empty: '' },
				schema: [],
			},
		});
		expect(error).toBeUndefined();
		const sent = sandbox.requests.at(-1)!.body;
		expect(sent).toEqual({ title: 'Hi', owner: { id: '7' }, contact: [{ id: '1' }, { id: '2' }] });
	});

	it('maps the input item’s fields automatically, only those that are columns', async () => {
		sandbox.store.insert('fields', { name: 'hs_persona', entity: 'contact', type: 'enum' });
		const { items, error } = await run(
			{
				resource: 'contact',
				operation: 'create',
				fieldSource: 'crm',
				columns: {
					mappingMode: 'autoMapInputData',
					value: null,
					schema: ['first_name', 'email_addresses', 'custom_fields.hs_persona'].map(column),
				},
			},
			[
				{
					json: {
						first_name: 'Auto',
						email_addresses: '[{"email":"auto@example.com","type":"work"}]',
						'custom_fields.hs_persona': 'persona_2',
						not_a_column: 'left out',
					},
				},
			],
		);
		expect(error).toBeUndefined();
		expect(sandbox.requests.at(-1)!.body).toEqual({
			first_name: 'Auto',
			email_addresses: [{ email: 'auto@example.com', type: 'work' }],
			custom_fields: { hs_persona: 'persona_2' },
		});
		expect(items[0].json).toMatchObject({ first_name: 'Auto' });
	});
});
