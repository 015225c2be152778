/**
 * How the Apideck CRM node treats input: empty and read-only values, bad JSON and dates,
 * continueOnFail pairing, options (overrides, fields, raw, pass-through) and output shaping.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/engine.cjs';
import { sandboxCredentials } from '../helpers/sandbox-credentials.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';

const sandbox = useSandbox();

const credentials = () => sandboxCredentials(sandbox);

async function run(
	parameters: INodeParameters,
	input: IDataObject[] = [{}],
	continueOnFail = false,
) {
	return await runNode({
		type: 'apideckCrm',
		parameters,
		credentials: credentials(),
		input: input.map((json) => ({ json })),
		continueOnFail,
	});
}

const bodies = () => sandbox.requests.filter((r) => r.method !== 'GET').map((r) => r.body);

describe('what is sent', () => {
	test('empty values and empty group entries are left out', async () => {
		const { error } = await run({
			resource: 'lead',
			operation: 'create',
			name: 'Ada',
			additionalFields: {
				first_name: '',
				company_name: '   ',
				tags: '',
				emails: { values: [{ id: '', email: '', type: '' }] },
				phone_numbers: { values: [{ id: '', number: '555-0100', type: '', country_code: '' }] },
			},
		});
		expect(error).toBeUndefined();
		expect(bodies()).toEqual([{ name: 'Ada', phone_numbers: [{ number: '555-0100' }] }]);
	});

	test('read-only and unknown fields are never sent', async () => {
		const { error } = await run({
			resource: 'company',
			operation: 'create',
			name: 'Acme',
			additionalFields: {
				id: 'forged',
				created_at: '2020-01-01T00:00:00Z',
				interaction_count: 3,
				industry: 'Tools',
			},
		});
		expect(error).toBeUndefined();
		expect(bodies()).toEqual([{ name: 'Acme', industry: 'Tools' }]);
	});

	test('an empty required field stops Create before calling Apideck', async () => {
		// n8n itself refuses an empty required parameter; an expression that resolves to '' gets here.
		const { error } = await run(
			{ resource: 'opportunity', operation: 'create', title: '={{ $json.title }}' },
			[{ title: '' }],
		);
		expect(error?.message).toBe('"Title" is required to create an opportunity (item 0)');
		expect(sandbox.requests).toEqual([]);
	});

	test('Update without fields is refused', async () => {
		sandbox.store.insert('leads', { id: 'l1', name: 'Ada' });
		const { error } = await run({
			resource: 'lead',
			operation: 'update',
			id: { __rl: true, mode: 'list', value: 'l1' },
			updateFields: {},
		});
		expect(error?.message).toBe('No fields to update (item 0)');
		expect(sandbox.requests).toEqual([]);
	});

	test('pass-through JSON is parsed and sent as an object', async () => {
		const { error } = await run({
			resource: 'note',
			operation: 'create',
			additionalFields: {
				title: 'x',
				pass_through: {
					values: [
						{
							service_id: 'hubspot',
							operation_id: '',
							extend_object: '{"hs_note": 1}',
							extend_paths: '',
						},
					],
				},
			},
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({
			title: 'x',
			pass_through: [{ service_id: 'hubspot', extend_object: { hs_note: 1 } }],
		});
	});
});

describe('item-numbered errors', () => {
	test('bad JSON names the field and the item', async () => {
		const { error } = await run(
			{
				resource: 'note',
				operation: 'create',
				additionalFields: {
					pass_through: {
						values: [{ service_id: 'hubspot', extend_object: '={{ $json.extend }}' }],
					},
				},
			},
			[{ extend: '{}' }, { extend: '{not json' }],
		);
		expect(error?.message).toMatch(
			/^"Pass Through 1 › Extend Object" is not valid JSON: .* \(item 1\)$/,
		);
		expect(sandbox.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	test('a bad date names the field and the item', async () => {
		const { error } = await run(
			{
				resource: 'opportunity',
				operation: 'create',
				title: 'Deal',
				additionalFields: { close_date: '={{ $json.when }}' },
			},
			[{ when: '2024-06-30' }, { when: 'next tuesday' }],
		);
		expect(error?.message).toBe('"Close Date" is not a valid date: "next tuesday" (item 1)');
	});

	test('a bad filter date is refused too', async () => {
		const { error } = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filters: { updated_since: 'yesterday-ish' },
		});
		expect(error?.message).toBe('"Updated Since" is not a valid date: "yesterday-ish" (item 0)');
		expect(sandbox.requests).toEqual([]);
	});
});

describe('continueOnFail', () => {
	test('pairs the error item with its input and goes on', async () => {
		sandbox.store.insert('leads', { id: 'a', name: 'Ada' });
		sandbox.store.insert('leads', { id: 'c', name: 'Cleo' });
		const { items, error } = await run(
			{
				resource: 'lead',
				operation: 'get',
				id: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				simplify: false,
			},
			[{ id: 'a' }, { id: 'missing' }, { id: 'c' }],
			true,
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.name).toBe('Ada');
		expect(Object.keys(items[1].json)).toEqual(['error']);
		expect(String(items[1].json.error)).not.toBe('');
		expect(items[2].json.name).toBe('Cleo');
	});

	test('pairs every record of Get Many with the item that asked for it', async () => {
		sandbox.store.insert('notes', { id: 'n1', title: 'one', owner_id: 'u1' });
		sandbox.store.insert('notes', { id: 'n2', title: 'two', owner_id: 'u2' });
		const { items } = await run(
			{
				resource: 'note',
				operation: 'getAll',
				returnAll: true,
				filters: { owner_id: '={{ $json.owner }}' },
			},
			[{ owner: 'u2' }, { owner: 'u1' }],
		);
		expect(items.map((i) => [i.json.id, i.pairedItem])).toEqual([
			['n2', { item: 0 }],
			['n1', { item: 1 }],
		]);
	});
});

describe('options', () => {
	test('consumer and service overrides become headers', async () => {
		sandbox.store.insert(
			'leads',
			{ id: 'p1', name: 'Pip' },
			{ consumerId: 'other-consumer', serviceId: 'pipedrive' },
		);
		const { items, error } = await run({
			resource: 'lead',
			operation: 'get',
			id: { __rl: true, mode: 'id', value: 'p1' },
			simplify: false,
			options: { consumerId: 'other-consumer', serviceId: 'pipedrive' },
		});
		expect(error).toBeUndefined();
		expect(items[0].json.name).toBe('Pip');
		expect(sandbox.requests[0].headers['x-apideck-consumer-id']).toBe('other-consumer');
		expect(sandbox.requests[0].headers['x-apideck-service-id']).toBe('pipedrive');
	});

	test('fields, raw and pass-through reach the query of Get Many', async () => {
		sandbox.store.insert('contacts', { id: 'c1', name: 'Grace', title: 'Admiral' });
		const { items } = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
			options: {
				fields: 'id, name',
				raw: true,
				passThrough: { parameters: [{ name: 'search', value: 'Grace' }] },
			},
		});
		expect(sandbox.requests[0].query).toEqual({
			fields: 'id,name',
			raw: 'true',
			pass_through: { search: 'Grace' },
			limit: '200',
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: 'c1', name: 'Grace' });
		expect(items[0].json._raw).toBeDefined();
	});

	test('Create can skip reading the record back', async () => {
		const { items } = await run({
			resource: 'company',
			operation: 'create',
			name: 'Acme',
			options: { returnRecord: false },
		});
		expect(sandbox.requests.map((r) => r.method)).toEqual(['POST']);
		expect(items.map((i) => i.json)).toEqual([{ id: expect.any(String) }]);
	});
});

describe('output shaping', () => {
	beforeEach(() => {
		sandbox.store.insert('leads', {
			id: 'l1',
			name: 'Ada',
			first_name: 'Ada',
			fax: '555',
			custom_fields: [{ id: 'x', value: 1 }],
		});
	});

	test('Simplify keeps the main fields', async () => {
		const { items } = await run({
			resource: 'lead',
			operation: 'get',
			// A plain ID (as saved before the record pickers existed) still works.
			id: 'l1',
		});
		const record = sandbox.store.get('leads', 'l1') as IDataObject;
		expect(items[0].json).toEqual({
			id: 'l1',
			name: 'Ada',
			first_name: 'Ada',
			created_at: record.created_at,
			updated_at: record.updated_at,
		});
	});

	test('Exclude Fields removes fields from every item', async () => {
		const { items } = await run({
			resource: 'lead',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
			options: { excludeFields: 'fax, custom_fields' },
		});
		expect(items[0].json.fax).toBeUndefined();
		expect(items[0].json.custom_fields).toBeUndefined();
		expect(items[0].json.name).toBe('Ada');
	});
});
