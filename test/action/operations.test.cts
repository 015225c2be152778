/**
 * Every one of the 53 operations of the Apideck CRM node, run through n8n's execution engine
 * against the sandbox: the exact requests Apideck receives and the items the node outputs.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/engine.cjs';
import { sandboxCredentials } from '../helpers/sandbox-credentials.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';
import { useSpecBodies } from '../helpers/spec-bodies.cjs';

const sandbox = useSandbox({ reset: 'none' });
// Every body the node sends is also checked against Apideck's spec, independently of the sandbox.
const specBodies = useSpecBodies();

const credentials = () => sandboxCredentials(sandbox);

interface Sent {
	method: string;
	path: string;
	query?: IDataObject;
	body?: unknown;
}

async function run(resource: string, operation: string, parameters: INodeParameters) {
	sandbox.clearRequests();
	const result = await runNode({
		type: 'apideckCrm',
		parameters: { resource, operation, ...parameters },
		credentials: credentials(),
	});
	if (result.error) throw result.error;
	specBodies.expectValid(sandbox.requests);
	const sent: Sent[] = sandbox.requests.map((r) => ({
		method: r.method,
		path: r.path,
		query: r.query as IDataObject,
		body: r.body,
	}));
	return { items: result.items, json: result.items.map((i) => i.json), sent };
}

/** API path segment and the store's resource name, per node resource. */
const SEGMENT: Record<string, string> = {
	activity: 'activities',
	company: 'companies',
	contact: 'contacts',
	customObjectSchema: 'custom-object-schemas',
	lead: 'leads',
	note: 'notes',
	opportunity: 'opportunities',
	pipeline: 'pipelines',
	user: 'users',
};

const SCHEMA_ID = 'schema-1';
const objectScope = { objectId: SCHEMA_ID };

/** A record picked "By ID" in a resource locator, as the editor stores it. */
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

interface ResourceCase {
	/** Path prefix of the resource, e.g. /crm/leads. */
	base: string;
	store: string;
	scope?: { objectId: string };
	extra?: INodeParameters;
	seed: IDataObject;
	create: { parameters: INodeParameters; body: IDataObject };
	/**
	 * `body` is the PATCH sent; `readsFirst` when it must also carry a field the spec requires on
	 * updates that the parameters leave out, whose current value is read first.
	 */
	update: { parameters: INodeParameters; body: IDataObject; readsFirst?: true };
	/** Get Many parameters besides returnAll/limit, and the query they send besides limit. */
	getAll: { parameters: INodeParameters; query: IDataObject };
}

const CASES: Record<string, ResourceCase> = {
	activity: {
		base: '/crm/activities',
		store: 'activities',
		seed: { type: 'call', title: 'Intro call', owner_id: 'u1' },
		create: {
			parameters: {
				type: 'meeting',
				additionalFields: {
					title: 'Kickoff',
					start_datetime: '2024-05-01T10:00:00Z',
					attendees: {
						values: [
							{ name: 'Ada', email_address: 'ada@example.com', is_organizer: true, status: '' },
						],
					},
				},
			},
			body: {
				type: 'meeting',
				title: 'Kickoff',
				start_datetime: '2024-05-01T10:00:00.000Z',
				attendees: [{ name: 'Ada', email_address: 'ada@example.com', is_organizer: true }],
			},
		},
		update: {
			parameters: { updateFields: { done: true } },
			body: { done: true, type: 'call' },
			readsFirst: true,
		},
		getAll: {
			parameters: { filters: { owner_id: 'u1' }, sort: { by: 'updated_at', direction: 'desc' } },
			query: { filter: { owner_id: 'u1' }, sort: { by: 'updated_at', direction: 'desc' } },
		},
	},
	company: {
		base: '/crm/companies',
		store: 'companies',
		seed: { name: 'Acme' },
		create: {
			parameters: {
				name: 'Globex',
				additionalFields: {
					websites: { values: [{ id: '', url: 'https://globex.example', type: 'primary' }] },
					currency: 'EUR',
				},
			},
			body: {
				name: 'Globex',
				websites: [{ url: 'https://globex.example', type: 'primary' }],
				currency: 'EUR',
			},
		},
		update: {
			parameters: { updateFields: { industry: 'Energy' } },
			body: { industry: 'Energy', name: 'Acme' },
			readsFirst: true,
		},
		getAll: {
			parameters: { filters: { name: 'Acme' }, sort: { by: 'name', direction: 'asc' } },
			query: { filter: { name: 'Acme' }, sort: { by: 'name', direction: 'asc' } },
		},
	},
	contact: {
		base: '/crm/contacts',
		store: 'contacts',
		seed: { name: 'Grace Hopper', first_name: 'Grace', emails: [{ email: 'grace@example.com' }] },
		create: {
			parameters: {
				additionalFields: {
					first_name: 'Alan',
					last_name: 'Turing',
					emails: { values: [{ id: '', email: 'alan@example.com', type: 'work' }] },
					tags: 'vip, math',
				},
			},
			body: {
				first_name: 'Alan',
				last_name: 'Turing',
				emails: [{ email: 'alan@example.com', type: 'work' }],
				tags: ['vip', 'math'],
			},
		},
		update: {
			parameters: { updateFields: { title: 'Rear Admiral' } },
			body: { title: 'Rear Admiral' },
		},
		getAll: {
			parameters: {
				filters: { email: 'grace@example.com' },
				sort: { by: 'first_name', direction: 'asc' },
			},
			query: {
				filter: { email: 'grace@example.com' },
				sort: { by: 'first_name', direction: 'asc' },
			},
		},
	},
	customObject: {
		base: `/crm/custom-objects/${SCHEMA_ID}`,
		store: 'custom-objects',
		scope: objectScope,
		extra: { objectId: byId(SCHEMA_ID) },
		seed: { name: 'Widget A', fields: [{ name: 'size', value: 'L' }] },
		create: {
			parameters: {
				additionalFields: { name: 'Widget B' },
				columns: { mappingMode: 'defineBelow', value: { size: 'M' } },
			},
			body: { name: 'Widget B', fields: [{ name: 'size', value: 'M' }] },
		},
		update: { parameters: { updateFields: { name: 'Widget A2' } }, body: { name: 'Widget A2' } },
		getAll: { parameters: { options: { fields: 'id,name' } }, query: { fields: 'id,name' } },
	},
	customObjectSchema: {
		base: '/crm/custom-object-schemas',
		store: 'custom-object-schemas',
		seed: { name: 'Projects' },
		create: {
			parameters: {
				additionalFields: {
					name: 'Tickets',
					fields: {
						values: [
							{
								id: '',
								name: 'priority',
								description: '',
								type: 'select',
								required: true,
								options: '[{"value":"high","label":"High"}]',
								default_value: '',
							},
						],
					},
				},
			},
			body: {
				name: 'Tickets',
				fields: [
					{
						name: 'priority',
						type: 'select',
						required: true,
						options: [{ value: 'high', label: 'High' }],
					},
				],
			},
		},
		update: { parameters: { updateFields: { visible: false } }, body: { visible: false } },
		getAll: { parameters: {}, query: {} },
	},
	lead: {
		base: '/crm/leads',
		store: 'leads',
		seed: { name: 'Ada Lovelace', first_name: 'Ada', company_name: 'Engines Ltd' },
		create: {
			parameters: {
				name: 'Charles Babbage',
				additionalFields: { monetary_amount: 1200, currency: 'GBP' },
			},
			body: { name: 'Charles Babbage', monetary_amount: 1200, currency: 'GBP' },
		},
		update: {
			parameters: { updateFields: { status: 'qualified' } },
			body: { status: 'qualified', name: 'Ada Lovelace' },
			readsFirst: true,
		},
		getAll: {
			parameters: { filters: { first_name: 'Ada' }, sort: { by: 'created_at', direction: 'desc' } },
			query: { filter: { first_name: 'Ada' }, sort: { by: 'created_at', direction: 'desc' } },
		},
	},
	note: {
		base: '/crm/notes',
		store: 'notes',
		seed: { title: 'Call notes', content: 'Went well', owner_id: 'u1' },
		create: {
			parameters: {
				additionalFields: { title: 'Follow-up', content: 'Send the quote', active: true },
			},
			body: { title: 'Follow-up', content: 'Send the quote', active: true },
		},
		update: {
			parameters: { updateFields: { content: 'Quote sent' } },
			body: { content: 'Quote sent' },
		},
		getAll: {
			parameters: { filters: { updated_since: '2000-01-01T00:00:00Z' } },
			query: { filter: { updated_since: '2000-01-01T00:00:00.000Z' } },
		},
	},
	opportunity: {
		base: '/crm/opportunities',
		store: 'opportunities',
		seed: { title: 'Big deal', status: 'open', monetary_amount: 5000 },
		create: {
			parameters: {
				title: 'New deal',
				additionalFields: { close_date: '2024-06-30T00:00:00', win_probability: 40 },
			},
			body: { title: 'New deal', close_date: '2024-06-30', win_probability: 40 },
		},
		update: {
			parameters: { updateFields: { status: 'won' } },
			body: { status: 'won', title: 'Big deal' },
			readsFirst: true,
		},
		getAll: {
			parameters: {
				filters: { status: 'open' },
				sort: { by: 'monetary_amount', direction: 'desc' },
			},
			query: { filter: { status: 'open' }, sort: { by: 'monetary_amount', direction: 'desc' } },
		},
	},
	pipeline: {
		base: '/crm/pipelines',
		store: 'pipelines',
		seed: { name: 'Sales' },
		create: {
			parameters: {
				name: 'Renewals',
				additionalFields: {
					stages: {
						values: [
							{ name: 'New', value: 'new', win_probability: 10, display_order: 1, archived: false },
						],
					},
				},
			},
			body: {
				name: 'Renewals',
				stages: [
					{ name: 'New', value: 'new', win_probability: 10, display_order: 1, archived: false },
				],
			},
		},
		update: {
			parameters: { updateFields: { archived: true } },
			body: { archived: true, name: 'Sales' },
			readsFirst: true,
		},
		getAll: { parameters: {}, query: {} },
	},
	user: {
		base: '/crm/users',
		store: 'users',
		seed: { name: 'Linus', emails: [{ email: 'linus@example.com' }] },
		create: {
			parameters: {
				emails: { values: [{ id: '', email: 'grace@example.com', type: 'work' }] },
				additionalFields: { first_name: 'Grace' },
			},
			body: { emails: [{ email: 'grace@example.com', type: 'work' }], first_name: 'Grace' },
		},
		update: {
			parameters: { updateFields: { department: 'Research' } },
			body: { department: 'Research', emails: [{ email: 'linus@example.com' }] },
			readsFirst: true,
		},
		getAll: {
			parameters: { filters: { email: 'linus@example.com' } },
			query: { filter: { email: 'linus@example.com' } },
		},
	},
};

function seedAll() {
	sandbox.store.clear();
	sandbox.store.insert('custom-object-schemas', { id: SCHEMA_ID, name: 'Widgets' });
	const seeded: Record<string, string> = {};
	for (const [resource, c] of Object.entries(CASES)) {
		seeded[resource] = sandbox.store.insert(c.store, { ...c.seed }, c.scope).id as string;
	}
	return seeded;
}

const operationsRun = new Set<string>();

describe.each(Object.entries(CASES))('%s', (resource, c) => {
	let id: string;
	const stored = (recordId: string) => sandbox.store.get(c.store, recordId, c.scope) as IDataObject;
	beforeEach(() => {
		id = seedAll()[resource];
	});

	test('create sends the typed body and outputs the new record', async () => {
		operationsRun.add(`${resource}.create`);
		const { json, sent } = await run(resource, 'create', { ...c.extra, ...c.create.parameters });
		expect(json).toHaveLength(1);
		const newId = json[0].id as string;
		expect(newId).toBeTruthy();
		expect(sent).toEqual([
			{ method: 'POST', path: c.base, query: {}, body: c.create.body },
			{ method: 'GET', path: `${c.base}/${newId}`, query: {}, body: undefined },
		]);
		expect(json[0]).toEqual(stored(newId));
		expect(json[0]).toMatchObject(c.create.body);
	});

	test('get outputs the record', async () => {
		operationsRun.add(`${resource}.get`);
		const { json, sent } = await run(resource, 'get', {
			...c.extra,
			id: byId(id),
			simplify: false,
		});
		expect(sent).toEqual([{ method: 'GET', path: `${c.base}/${id}`, query: {}, body: undefined }]);
		expect(json).toEqual([stored(id)]);
	});

	test('getAll sends filters and sort and outputs one item per record', async () => {
		operationsRun.add(`${resource}.getAll`);
		const { json, sent } = await run(resource, 'getAll', {
			...c.extra,
			returnAll: false,
			limit: 5,
			simplify: false,
			...c.getAll.parameters,
		});
		expect(sent).toEqual([
			{ method: 'GET', path: c.base, query: { limit: '5', ...c.getAll.query }, body: undefined },
		]);
		const fields = (c.getAll.query.fields as string | undefined)?.split(',');
		const matching = c.getAll.query.filter ? [stored(id)] : sandbox.store.list(c.store, c.scope);
		const expected = matching.map((record) =>
			fields ? Object.fromEntries(fields.map((f) => [f, record[f]])) : record,
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(json).toEqual(expected);
	});

	test('update patches the given fields (and keeps required ones) and outputs the record', async () => {
		operationsRun.add(`${resource}.update`);
		const { json, sent } = await run(resource, 'update', {
			...c.extra,
			id: byId(id),
			...c.update.parameters,
		});
		const read = { method: 'GET', path: `${c.base}/${id}`, query: {}, body: undefined };
		expect(sent).toEqual([
			...(c.update.readsFirst ? [read] : []),
			{ method: 'PATCH', path: `${c.base}/${id}`, query: {}, body: c.update.body },
			read,
		]);
		expect(json).toEqual([stored(id)]);
		expect(json[0]).toMatchObject(c.update.body);
	});

	test('delete outputs deleted and the id', async () => {
		operationsRun.add(`${resource}.delete`);
		const { json, sent } = await run(resource, 'delete', { ...c.extra, id: byId(id) });
		expect(sent).toEqual([
			{ method: 'DELETE', path: `${c.base}/${id}`, query: {}, body: undefined },
		]);
		expect(json).toEqual([{ deleted: true, id }]);
		expect(sandbox.store.get(c.store, id, c.scope)).toBeUndefined();
	});
});

describe('list', () => {
	beforeEach(() => {
		sandbox.store.clear();
		sandbox.store.insert('lists', { id: 'l1', name: 'Hot leads', object_type: 'leads' });
		sandbox.store.insert('lists', { id: 'l2', name: 'Partners', object_type: 'companies' });
		sandbox.store.insert('list-members', { id: 'm1', object_type: 'leads' }, { listId: 'l1' });
		sandbox.store.insert('list-members', { id: 'm2', object_type: 'leads' }, { listId: 'l1' });
	});

	test('get', async () => {
		operationsRun.add('list.get');
		const { json, sent } = await run('list', 'get', { id: byId('l1') });
		expect(sent).toEqual([{ method: 'GET', path: '/crm/lists/l1', query: {}, body: undefined }]);
		expect(json).toEqual([sandbox.store.get('lists', 'l1')]);
	});

	test('getAll', async () => {
		operationsRun.add('list.getAll');
		const { json, sent } = await run('list', 'getAll', { returnAll: true });
		expect(sent).toEqual([
			{ method: 'GET', path: '/crm/lists', query: { limit: '200' }, body: undefined },
		]);
		expect(json).toEqual(sandbox.store.list('lists'));
	});

	test('getMembers', async () => {
		operationsRun.add('list.getMembers');
		const { json, sent } = await run('list', 'getMembers', {
			id: byId('l1'),
			returnAll: false,
			limit: 1,
		});
		expect(sent).toEqual([
			{ method: 'GET', path: '/crm/lists/l1/members', query: { limit: '1' }, body: undefined },
		]);
		expect(json).toEqual([{ id: 'm1', object_type: 'leads' }]);
	});
});

test('all 53 operations were exercised', () => {
	expect(operationsRun.size).toBe(53);
	expect(Object.keys(SEGMENT)).toHaveLength(9);
});
