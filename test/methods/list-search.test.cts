/**
 * The "From list" pickers of the record locators, called as the editor calls them, against the
 * sandbox: what they list, how a search term reaches Apideck, paging, and the overrides.
 */
import { listSearch } from '../helpers/load-options.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';
import { byId, credentials, sent } from './fixtures.cjs';

const sandbox = useSandbox({ seed: true, reset: 'requests' });

const call = (parameters: Record<string, unknown>) => ({
	parameters: parameters as never,
	credentials: credentials(sandbox),
});
const leads = { resource: 'lead', operation: 'get' };
const scope = { consumerId: 'test-consumer', serviceId: 'salesforce' };

test('every listable resource has a search method', async () => {
	const { ApideckCrm } = await import('../../nodes/ApideckCrm/ApideckCrm.node');
	expect(Object.keys(new ApideckCrm().methods.listSearch).sort()).toEqual([
		'searchActivity',
		'searchCompany',
		'searchContact',
		'searchCustomObject',
		'searchCustomObjectSchema',
		'searchLead',
		'searchList',
		'searchNote',
		'searchOpportunity',
		'searchPipeline',
		'searchUser',
	]);
});

test('lists the records of the connection with their names and emails', async () => {
	const page = await listSearch('searchLead', call(leads));
	const stored = sandbox.store.list('leads', scope);
	expect(page.results).toEqual(
		stored.map((lead) => ({
			name: `${lead.name as string} (${(lead.emails as Array<{ email: string }>)[0].email})`,
			value: lead.id,
		})),
	);
	expect(page.paginationToken).toBeUndefined();
	expect(sent(sandbox)).toEqual([{ method: 'GET', path: '/crm/leads', query: { limit: '50' } }]);
});

test('a term with @ is searched by Apideck as an email filter', async () => {
	const page = await listSearch('searchContact', call({ resource: 'contact' }), 'john@globex.test');
	expect(page.results.map((r) => r.name)).toEqual(['John Smith (john@globex.test)']);
	expect(sent(sandbox)).toEqual([
		{
			method: 'GET',
			path: '/crm/contacts',
			query: { limit: '50', filter: { email: 'john@globex.test' } },
		},
	]);
});

test('a name is searched by Apideck first, then by part of the name on the listing', async () => {
	const exact = await listSearch('searchCompany', call({ resource: 'company' }), 'globex');
	expect(exact.results.map((r) => r.name)).toEqual(['Globex (info@globex.test)']);
	expect(sent(sandbox)).toEqual([
		{ method: 'GET', path: '/crm/companies', query: { limit: '50', filter: { name: 'globex' } } },
	]);

	sandbox.clearRequests();
	const partial = await listSearch('searchCompany', call({ resource: 'company' }), 'CORP');
	expect(partial.results.map((r) => r.name)).toEqual(['Acme Corp (hello@acme.test)']);
	expect(sent(sandbox)).toEqual([
		{ method: 'GET', path: '/crm/companies', query: { limit: '50', filter: { name: 'CORP' } } },
		{ method: 'GET', path: '/crm/companies', query: { limit: '50' } },
	]);
});

test('opportunities are searched by title', async () => {
	const page = await listSearch(
		'searchOpportunity',
		call({ resource: 'opportunity' }),
		'Acme rollout',
	);
	expect(page.results.map((r) => r.name)).toEqual(['Acme rollout']);
	expect(sent(sandbox)[0].query).toEqual({ limit: '50', filter: { title: 'Acme rollout' } });
});

test('a resource Apideck cannot filter is searched on the page here', async () => {
	const page = await listSearch('searchPipeline', call({ resource: 'pipeline' }), 'renew');
	expect(page.results.map((r) => r.name)).toEqual(['Renewals']);
	expect(sent(sandbox)).toEqual([
		{ method: 'GET', path: '/crm/pipelines', query: { limit: '50' } },
	]);
});

test('a connector that rejects the filter falls back to searching the page', async () => {
	sandbox.faults.error({ status: 400, typeName: 'UnsupportedFiltersError', path: '/crm/users' });
	const page = await listSearch('searchUser', call({ resource: 'user' }), 'sam');
	expect(page.results).toEqual([
		{ name: 'Sam Seller (sam@sandbox.test)', value: expect.any(String) },
	]);
	expect(sent(sandbox).map((r) => r.query)).toEqual([
		{ limit: '50', filter: { name: 'sam' } },
		{ limit: '50' },
	]);
});

describe('paging', () => {
	const paged = { consumerId: 'other-consumer', serviceId: 'pipedrive' };
	beforeAll(() => {
		for (let i = 1; i <= 60; i++) {
			sandbox.store.insert('notes', { title: `Bulk note ${String(i).padStart(2, '0')}` }, paged);
		}
	});
	const notes = () => ({
		parameters: { resource: 'note', options: { consumerId: 'other-consumer' } } as never,
		credentials: credentials(sandbox),
	});

	test('hands Apideck cursor on as the pagination token until the last page', async () => {
		const first = await listSearch('searchNote', notes());
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBeTruthy();
		const second = await listSearch('searchNote', notes(), undefined, first.paginationToken);
		const all = [...first.results, ...second.results].map((r) => r.value);
		expect(all).toEqual(sandbox.store.list('notes', paged).map((n) => n.id));
		expect(second.paginationToken).toBeUndefined();
		expect(sandbox.requests[1].query.cursor).toBeTruthy();
		expect(sandbox.requests.map((r) => r.headers['x-apideck-consumer-id'])).toEqual([
			'other-consumer',
			'other-consumer',
		]);
	});

	test('searching here reads on past pages without a match, then continues from there', async () => {
		// Page 1 holds the 2 seeded notes and Bulk note 01-48; the title filter matches nothing.
		const first = await listSearch('searchNote', notes(), 'note 5');
		expect(first.results.map((r) => r.name)).toEqual(
			Array.from({ length: 10 }, (_, i) => `Bulk note ${50 + i}`),
		);
		expect(first.paginationToken).toBeUndefined();
		expect(sent(sandbox).map((r) => [r.query.filter, r.query.cursor === undefined])).toEqual([
			[{ title: 'note 5' }, true],
			[undefined, true],
			[undefined, false],
		]);
	});

	test('a local search that still has pages returns a token that keeps searching locally', async () => {
		const first = await listSearch('searchNote', notes(), 'bulk');
		expect(first.results).toHaveLength(48);
		const second = await listSearch('searchNote', notes(), 'bulk', first.paginationToken);
		expect(second.results.map((r) => r.name)).toEqual(
			Array.from({ length: 12 }, (_, i) => `Bulk note ${49 + i}`),
		);
		expect(sandbox.requests[sandbox.requests.length - 1].query.filter).toBeUndefined();
	});
});

test('the service override of the node reaches the picker', async () => {
	const page = await listSearch(
		'searchCompany',
		call({ resource: 'company', options: { serviceId: 'hubspot' } }),
	);
	expect(page.results).toHaveLength(3);
	expect(sandbox.requests[0].headers['x-apideck-service-id']).toBe('hubspot');
	const ids = sandbox.store.list('companies', {
		consumerId: 'test-consumer',
		serviceId: 'hubspot',
	});
	expect(page.results.map((r) => r.value)).toEqual(ids.map((c) => c.id));
});

describe('custom objects', () => {
	const schemaId = () => sandbox.store.list('custom-object-schemas', scope)[0].id as string;

	test('schemas are listed for the Object picker', async () => {
		const page = await listSearch('searchCustomObjectSchema', call({ resource: 'customObject' }));
		expect(page.results).toEqual([{ name: 'project', value: schemaId() }]);
	});

	test('records are listed under the chosen object', async () => {
		const page = await listSearch(
			'searchCustomObject',
			call({ resource: 'customObject', objectId: byId(schemaId()) }),
			'relaunch',
		);
		expect(page.results.map((r) => r.name)).toEqual(['Website relaunch']);
		expect(sent(sandbox)[0].path).toBe(`/crm/custom-objects/${schemaId()}`);
	});

	test('records cannot be listed before the object is chosen', async () => {
		await expect(
			listSearch('searchCustomObject', call({ resource: 'customObject', objectId: byId('') })),
		).rejects.toThrow('Choose the custom object first');
		expect(sandbox.requests).toEqual([]);
	});
});
