/**
 * Every resource and operation of the Truto CRM node, run through n8n's execution engine
 * against the Truto sandbox: the exact requests Truto receives and the items the node outputs.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { OPERATIONS, operationsOf } from '../../nodes/TrutoCrm/actions/operations';
import { catalog } from '../../nodes/TrutoCrm/catalog';
import { runNode } from '../helpers/engine.cjs';
import { trutoCredentials } from '../helpers/sandbox-credentials.cjs';
import { useTruto } from '../helpers/use-sandbox.cjs';

const sandbox = useTruto({ seed: true, reset: 'none' });
const account = () => sandbox.accounts.id('hubspot');

interface Sent {
	method: string;
	path: string;
	rawQuery: string;
	body?: unknown;
}

async function run(resource: string, operation: string, parameters: INodeParameters) {
	sandbox.clearRequests();
	const result = await runNode({
		type: 'trutoCrm',
		parameters: { resource, operation, ...parameters },
		credentials: trutoCredentials(sandbox),
	});
	if (result.error) throw result.error;
	const sent: Sent[] = sandbox.requests.map((r) => ({
		method: r.method,
		path: r.path,
		rawQuery: decodeURIComponent(r.rawQuery),
		...(r.body === undefined ? {} : { body: r.body }),
	}));
	return { json: result.items.map((i) => i.json), sent };
}

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });
const q = (extra = '') => `integrated_account_id=${account()}${extra}`;

/** The path segment Truto names each resource by, and its store bucket. */
const SEGMENT: Record<string, string> = {
	account: 'accounts',
	association: 'associations',
	contact: 'contacts',
	engagement: 'engagements',
	engagementType: 'engagement_types',
	field: 'fields',
	fieldGroup: 'field_groups',
	lead: 'leads',
	note: 'notes',
	opportunity: 'opportunities',
	pipeline: 'pipelines',
	project: 'projects',
	stage: 'stages',
	task: 'tasks',
	user: 'users',
	view: 'views',
	workspace: 'workspaces',
};

const firstId = (resource: string) =>
	String(sandbox.store.list(SEGMENT[resource], 'hubspot')[0].id);
const user = () => firstId('user');

/** Create and Update of each writable resource: the parameters and the exact body sent. */
const WRITES: Record<
	string,
	{ create: [INodeParameters, IDataObject]; update: [INodeParameters, IDataObject] }
> = {
	account: {
		create: [
			{
				additionalFields: {
					name: 'Initech',
					owner: fromList('U'),
					number_of_employees: 12,
					urls: { values: [{ url: 'https://initech.test', type: 'website' }] },
					custom_fields: { values: [{ name: 'hs_ideal_customer_profile', value: 'tier_1' }] },
				},
			},
			{
				name: 'Initech',
				owner: { id: 'U' },
				number_of_employees: 12,
				urls: [{ url: 'https://initech.test', type: 'website' }],
				custom_fields: { hs_ideal_customer_profile: 'tier_1' },
			},
		],
		update: [{ updateFields: { industry: 'Energy' } }, { industry: 'Energy' }],
	},
	contact: {
		create: [
			{
				additionalFields: {
					first_name: 'Alan',
					last_name: 'Turing',
					email_addresses: { values: [{ email: 'alan@example.com', type: 'work' }] },
					phone_numbers: { values: [{ number: '+44 1', type: 'mobile', extension: '' }] },
					tags: { values: [{ id: '', name: 'vip' }] },
					remote_data: '{"hs_lead_source":"web"}',
				},
			},
			{
				first_name: 'Alan',
				last_name: 'Turing',
				email_addresses: [{ email: 'alan@example.com', type: 'work' }],
				phone_numbers: [{ number: '+44 1', type: 'mobile' }],
				tags: [{ name: 'vip' }],
				remote_data: { hs_lead_source: 'web' },
			},
		],
		update: [
			{ updateFields: { title: 'CTO', account: byId('A') } },
			{ title: 'CTO', account: { id: 'A' } },
		],
	},
	engagement: {
		create: [
			{
				additionalFields: {
					subject: 'Intro call',
					engagement_type: 'call',
					start_time: '2024-05-01T10:00:00Z',
					duration: 30,
					contact: { values: [{ id: byId('C1') }, { id: byId('C2,C3') }] },
				},
			},
			{
				subject: 'Intro call',
				engagement_type: 'call',
				start_time: '2024-05-01T10:00:00.000Z',
				duration: 30,
				contact: [{ id: 'C1' }, { id: 'C2' }, { id: 'C3' }],
			},
		],
		update: [{ updateFields: { status: 'done' } }, { status: 'done' }],
	},
	field: {
		create: [
			{ additionalFields: { name: 'nps', label: 'NPS', entity: 'contact', is_required: false } },
			{ name: 'nps', label: 'NPS', entity: 'contact', is_required: false },
		],
		update: [{ updateFields: { label: 'Net Promoter Score' } }, { label: 'Net Promoter Score' }],
	},
	fieldGroup: {
		create: [
			{ additionalFields: { name: 'scores', entity_type: 'contact' } },
			{ name: 'scores', entity_type: 'contact' },
		],
		update: [{ updateFields: { status: 'inactive' } }, { status: 'inactive' }],
	},
	lead: {
		create: [
			{
				additionalFields: {
					first_name: 'Lena',
					converted_contact: byId('C9'),
					created_at: '2024-02-01T00:00:00Z',
				},
			},
			{
				first_name: 'Lena',
				converted_contact: { id: 'C9' },
				created_at: '2024-02-01T00:00:00.000Z',
			},
		],
		update: [{ updateFields: { status: 'working' } }, { status: 'working' }],
	},
	note: {
		create: [
			{
				additionalFields: {
					content: 'Met at the fair',
					opportunity: { values: [{ id: byId('O1') }] },
				},
			},
			{ content: 'Met at the fair', opportunity: [{ id: 'O1' }] },
		],
		update: [{ updateFields: { visibility: 'private' } }, { visibility: 'private' }],
	},
	opportunity: {
		create: [
			{ additionalFields: { name: 'Big deal', amount: 1200.5, stage: byId('S1') } },
			{ name: 'Big deal', amount: 1200.5, stage: { id: 'S1' } },
		],
		update: [{ updateFields: { status: 'won' } }, { status: 'won' }],
	},
	pipeline: {
		create: [
			{
				additionalFields: {
					name: 'Partners',
					stages: { values: [{ id: '', name: 'New', status: 'active' }] },
				},
			},
			{ name: 'Partners', stages: [{ name: 'New', status: 'active' }] },
		],
		update: [{ updateFields: { name: 'Partner deals' } }, { name: 'Partner deals' }],
	},
	project: {
		create: [
			{ additionalFields: { name: 'Rollout', contact: { values: [{ id: fromList('C1') }] } } },
			{ name: 'Rollout', contact: [{ id: 'C1' }] },
		],
		update: [{ updateFields: { status: 'active' } }, { status: 'active' }],
	},
	task: {
		create: [
			{
				additionalFields: {
					subject: 'Call back',
					due_date: '2024-06-01T09:00:00Z',
					status: 'open',
				},
			},
			{ subject: 'Call back', due_date: '2024-06-01T09:00:00.000Z', status: 'open' },
		],
		update: [{ updateFields: { status: 'completed' } }, { status: 'completed' }],
	},
	user: {
		create: [
			{ additionalFields: { name: 'Nia New', email: 'nia@sandbox.test', is_active: true } },
			{ name: 'Nia New', email: 'nia@sandbox.test', is_active: true },
		],
		update: [{ updateFields: { is_active: false } }, { is_active: false }],
	},
};

/** Get Many filters per resource: the parameters and the query they send (besides the rest). */
const FILTERS: Record<string, [INodeParameters, string]> = {
	account: [{ name: 'Acme Corp' }, '&name=Acme Corp'],
	contact: [
		{ email_addresses: 'jane@acme.test', created_at: { values: { gte: '2024-01-01T00:00:00Z' } } },
		'&email_addresses=jane@acme.test&created_at[gte]=2024-01-01T00:00:00.000Z',
	],
	lead: [{ owner: fromList('U'), lead_source: 'web' }, '&owner[id]=U&lead_source=web'],
	stage: [{ pipeline: byId('P') }, '&pipeline[id]=P'],
	field: [{ entity: 'contact' }, '&entity=contact'],
	view: [{ entity: 'opportunity' }, '&entity=opportunity'],
};

const views = catalog.flatMap((resource) =>
	operationsOf(resource)
		.filter((op) => ['create', 'get', 'getAll', 'update', 'delete'].includes(op))
		.map((op) => [resource.value, op] as const),
);

test('the node offers every method of the reference: 69 operations over 17 resources, plus 3 Create or Update', () => {
	const counts = catalog.map((r) => Object.keys(r.operations).length);
	expect(catalog).toHaveLength(17);
	expect(counts.reduce((a, b) => a + b, 0)).toBe(69);
	expect(catalog.flatMap((r) => operationsOf(r)).length).toBe(72);
	expect(Object.keys(OPERATIONS).sort()).toEqual(
		['batchDelete', 'create', 'delete', 'get', 'getAll', 'merge', 'update', 'upsert'].sort(),
	);
});

describe.each(views)('%s → %s', (resource, operation) => {
	const path = `/unified/crm/${SEGMENT[resource]}`;

	if (operation === 'getAll') {
		it('lists with the filters, Truto’s paging and without remote data when simplified', async () => {
			const [filters, query] = FILTERS[resource] ?? [{}, ''];
			const { sent, json } = await run(resource, 'getAll', {
				limit: 2,
				...(Object.keys(filters).length ? { filters } : {}),
			});
			expect(sent).toEqual([
				{ method: 'GET', path, rawQuery: q(`${query}&truto_ignore_remote_data=true&limit=2`) },
			]);
			for (const record of json) expect(record.remote_data).toBeUndefined();
		});
	}

	if (operation === 'get') {
		it('reads one record by its ID', async () => {
			const id = firstId(resource);
			const { sent, json } = await run(resource, 'get', { id: byId(id), simplify: false });
			expect(sent).toEqual([{ method: 'GET', path: `${path}/${id}`, rawQuery: q() }]);
			expect(json).toEqual([expect.objectContaining({ id, remote_data: expect.any(Object) })]);
		});
	}

	if (operation === 'create' && resource !== 'association') {
		it('sends exactly the fields given and outputs the new record', async () => {
			const [parameters, body] = WRITES[resource].create;
			const filled = JSON.parse(
				JSON.stringify(parameters).replaceAll('"U"', JSON.stringify(user())),
			);
			const expected = JSON.parse(JSON.stringify(body).replaceAll('"U"', JSON.stringify(user())));
			const { sent, json } = await run(resource, 'create', filled);
			expect(sent).toEqual([{ method: 'POST', path, rawQuery: q(), body: expected }]);
			expect(json[0]).toMatchObject({ id: expect.any(String) });
		});
	}

	if (operation === 'update') {
		it('patches exactly the fields given and outputs the updated record', async () => {
			const id = firstId(resource);
			const [parameters, body] = WRITES[resource].update;
			const { sent, json } = await run(resource, 'update', { id: byId(id), ...parameters });
			expect(sent).toEqual([{ method: 'PATCH', path: `${path}/${id}`, rawQuery: q(), body }]);
			expect(json[0]).toMatchObject({ id, ...body });
		});
	}

	if (operation === 'delete') {
		it('deletes the record and says so', async () => {
			const id = String(sandbox.store.insert(SEGMENT[resource], {}, 'hubspot').id);
			const { sent, json } = await run(resource, 'delete', { id: byId(id) });
			expect(sent).toEqual([{ method: 'DELETE', path: `${path}/${id}`, rawQuery: q() }]);
			expect(json).toEqual([{ deleted: true, id }]);
		});
	}
});

test('association → create links records to one record', async () => {
	const contact = firstId('contact');
	const [a1, a2] = sandbox.store.list('accounts', 'hubspot').map((r) => String(r.id));
	const { sent, json } = await run('association', 'create', {
		additionalFields: {
			entity: 'contacts',
			entity_id: contact,
			associations: { values: { accounts: `${a1}, ${a2}` } },
		},
	});
	expect(sent).toEqual([
		{
			method: 'POST',
			path: '/unified/crm/associations',
			rawQuery: q(),
			body: {
				entity: 'contacts',
				entity_id: contact,
				associations: { accounts: [{ id: a1 }, { id: a2 }] },
			},
		},
	]);
	expect(json[0]).toMatchObject({ entity_id: contact });
});

describe.each(['account', 'contact'])('%s → merge and delete many', (resource) => {
	const path = `/unified/crm/${SEGMENT[resource]}`;

	it('merges duplicates into the record to keep, taking the fields named', async () => {
		const keep = String(sandbox.store.insert(SEGMENT[resource], { name: 'Keep' }, 'hubspot').id);
		const dup = String(
			sandbox.store.insert(SEGMENT[resource], { name: 'Dup', title: 'Boss' }, 'hubspot').id,
		);
		const { sent, json } = await run(resource, 'merge', {
			id: byId(keep),
			duplicates: { records: [{ id: fromList(dup), fields: 'name, title' }] },
		});
		expect(sent).toEqual([
			{
				method: 'POST',
				path: `${path}/merge`,
				rawQuery: q(),
				body: {
					master_record: { id: keep },
					duplicate_records: [{ id: dup, fields: [{ name: 'name' }, { name: 'title' }] }],
				},
			},
		]);
		expect(json).toEqual([expect.objectContaining({ id: keep, name: 'Dup' })]);
	});

	it('deletes several records in one request, the ids in the body and the query', async () => {
		const ids = [1, 2].map((n) =>
			String(sandbox.store.insert(SEGMENT[resource], { name: `Gone ${n}` }, 'hubspot').id),
		);
		const { sent, json } = await run(resource, 'batchDelete', { ids: `${ids[0]}, ${ids[1]}` });
		expect(sent).toEqual([
			{
				method: 'POST',
				path: `${path}/batch-delete`,
				rawQuery: q(`&id[]=${ids[0]}&id[]=${ids[1]}`),
				body: { id: ids },
			},
		]);
		expect(json).toEqual(ids.map((id) => ({ deleted: true, id })));
	});
});
