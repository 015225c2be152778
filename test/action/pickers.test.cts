/**
 * What the pickers' values become in requests, run through n8n's execution engine: linked
 * records and pipeline stages, custom fields, and custom object columns from the mapper.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/engine.cjs';
import { resourceMapping } from '../helpers/load-options.cjs';
import { sandboxCredentials } from '../helpers/sandbox-credentials.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';

const sandbox = useSandbox();

const picked = (value: string) => ({ __rl: true, mode: 'list', value, cachedResultName: 'x' });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** A resource-mapper value as the editor stores it. */
const mapperValue = (value: object) => value as unknown as INodeParameters;

async function run(parameters: INodeParameters, input?: IDataObject[]) {
	const result = await runNode({
		type: 'apideckCrm',
		parameters,
		credentials: sandboxCredentials(sandbox),
		input: input?.map((json) => ({ json })),
	});
	const [first] = sandbox.requests;
	return { ...result, first: { ...first, body: first?.body as IDataObject } };
}

test('linked records and the pipeline stage are sent as plain IDs', async () => {
	const { first, error } = await run(
		{
			resource: 'opportunity',
			operation: 'create',
			title: 'Big deal',
			additionalFields: {
				company_id: picked('co-1'),
				primary_contact_id: byId('ct-1'),
				owner_id: byId('={{ $json.owner }}'),
				pipeline_id: picked('pl-1'),
				pipeline_stage_id: 'proposal',
			},
			options: { returnRecord: false },
		},
		[{ owner: 'u-7' }],
	);
	expect(error).toBeUndefined();
	expect(first.body).toEqual({
		title: 'Big deal',
		company_id: 'co-1',
		primary_contact_id: 'ct-1',
		owner_id: 'u-7',
		pipeline_id: 'pl-1',
		pipeline_stage_id: 'proposal',
	});
});

test('a linked record left empty is not sent', async () => {
	sandbox.store.insert('contacts', { id: 'c1', name: 'Jane' });
	const { first } = await run({
		resource: 'contact',
		operation: 'update',
		id: byId('c1'),
		updateFields: { company_id: byId(''), title: 'CTO' },
	});
	expect(first.body).toEqual({ title: 'CTO' });
});

test('Get Many filters take a picked owner', async () => {
	sandbox.store.insert('contacts', { id: 'l1', name: 'Ada', owner_id: 'u1' });
	sandbox.store.insert('contacts', { id: 'l2', name: 'Bob', owner_id: 'u2' });
	const { items, first } = await run({
		resource: 'contact',
		operation: 'getAll',
		returnAll: true,
		filters: { owner_id: picked('u2') },
	});
	expect(first.query).toEqual({ filter: { owner_id: 'u2' }, limit: '200' });
	expect(items.map((i) => i.json.id)).toEqual(['l2']);
});

describe('custom fields', () => {
	test('are sent as custom_fields [{ id, value }]', async () => {
		const { first, items } = await run({
			resource: 'lead',
			operation: 'create',
			name: 'Ada',
			additionalFields: {
				custom_fields: {
					values: [
						{ id: 'Lead_Score__c', value: '42' },
						{ id: '={{ "Region" + "__c" }}', value: 'EMEA' },
					],
				},
			},
		});
		expect(first.body).toEqual({
			name: 'Ada',
			custom_fields: [
				{ id: 'Lead_Score__c', value: '42' },
				{ id: 'Region__c', value: 'EMEA' },
			],
		});
		expect(items[0].json.custom_fields).toEqual(first.body.custom_fields);
	});

	test('a value without a field is refused before any request', async () => {
		const { error } = await run({
			resource: 'company',
			operation: 'update',
			id: byId('c1'),
			updateFields: { custom_fields: { values: [{ id: '', value: 'Gold' }] } },
		});
		expect(error?.message).toBe(
			'"Custom Fields 1 › Field" needs a custom field: pick one or give its ID (item 0)',
		);
		expect(sandbox.requests).toEqual([]);
	});
});

describe('custom object columns', () => {
	beforeEach(() => {
		sandbox.store.insert('custom-object-schemas', {
			id: 'project',
			name: 'project',
			fields: [
				{ id: 'f1', name: 'Name', type: 'string', required: true },
				{ id: 'f2', name: 'Budget', type: 'number' },
				{ id: 'f3', name: 'Start Date', type: 'date' },
				{ id: 'f4', name: 'Active', type: 'boolean' },
				{ id: 'f5', name: 'Kickoff', type: 'datetime' },
			],
		});
	});
	// The columns as the editor saves them: from the node's own resource mapper method.
	const columnsOf = async () =>
		(
			await resourceMapping('getCustomObjectColumns', {
				parameters: { resource: 'customObject', operation: 'create', objectId: byId('project') },
				credentials: sandboxCredentials(sandbox),
			})
		).fields;

	test('defined below: typed values become the record fields, as text', async () => {
		const schema = await columnsOf();
		expect(schema.map((c) => c.type)).toEqual([
			'string',
			'number',
			'string',
			'boolean',
			'dateTime',
		]);
		sandbox.clearRequests();
		const { first, items, error } = await run({
			resource: 'customObject',
			operation: 'create',
			objectId: picked('project'),
			additionalFields: { name: 'Relaunch' },
			columns: mapperValue({
				mappingMode: 'defineBelow',
				value: {
					Name: 'Relaunch',
					Budget: 25000,
					'Start Date': '2024-05-01',
					Active: false,
					Kickoff: '2024-05-01T09:00:00+02:00',
				},
				matchingColumns: [],
				schema,
			}),
		});
		expect(error).toBeUndefined();
		expect(first).toMatchObject({
			method: 'POST',
			path: '/crm/custom-objects/project',
			body: {
				name: 'Relaunch',
				fields: [
					{ name: 'Name', value: 'Relaunch' },
					{ name: 'Budget', value: '25000' },
					{ name: 'Start Date', value: '2024-05-01' },
					{ name: 'Active', value: 'false' },
					{ name: 'Kickoff', value: '2024-05-01T07:00:00.000Z' },
				],
			},
		});
		expect(items[0].json.fields).toEqual(first.body.fields);
	});

	test('mapped automatically: input fields named like columns are taken, others ignored', async () => {
		sandbox.store.insert('custom-objects', { id: 'r1', name: 'Old' }, { objectId: 'project' });
		const schema = await columnsOf();
		sandbox.clearRequests();
		const { first } = await run(
			{
				resource: 'customObject',
				operation: 'update',
				objectId: byId('project'),
				id: byId('r1'),
				columns: mapperValue({
					mappingMode: 'autoMapInputData',
					value: null,
					matchingColumns: [],
					schema,
				}),
			},
			[{ Budget: 99, Unrelated: 'x', Name: '' }],
		);
		expect(first).toMatchObject({
			method: 'PATCH',
			path: '/crm/custom-objects/project/r1',
			body: { fields: [{ name: 'Budget', value: '99' }] },
		});
	});
});
