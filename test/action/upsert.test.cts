/**
 * Create or Update (upsert) through n8n's execution engine against the sandbox: the lookup,
 * the create and update branches with the exact requests sent, and the ambiguous case.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/engine.cjs';
import { sandboxCredentials } from '../helpers/sandbox-credentials.cjs';
import { useSpecBodies } from '../helpers/spec-bodies.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';

const sandbox = useSandbox();
// Every body sent is also checked against Apideck's spec, independently of the sandbox.
const specBodies = useSpecBodies();
afterEach(() => specBodies.expectValid(sandbox.requests));

async function upsert(resource: string, parameters: INodeParameters, continueOnFail = false) {
	const result = await runNode({
		type: 'apideckCrm',
		parameters: { resource, operation: 'upsert', ...parameters },
		credentials: sandboxCredentials(sandbox),
		continueOnFail,
	});
	specBodies.expectValid(sandbox.requests);
	const sent = sandbox.requests.map((r) => ({
		method: r.method,
		path: r.path,
		query: r.query as IDataObject,
		body: r.body,
	}));
	return { ...result, json: result.items.map((i) => i.json), sent };
}

/** The next `times` lists of `path` answer with these records instead of the sandbox's own. */
const listAnswers = (path: string, data: IDataObject[], times = 1) =>
	sandbox.faults.error({
		status: 200,
		typeName: 'CannedList',
		method: 'GET',
		path,
		times,
		fields: { data, meta: { cursors: { next: null } } },
	});

const lookup = (path: string, filter: IDataObject) => ({
	method: 'GET',
	path,
	query: { filter, limit: '50' },
	body: undefined,
});

test('offered as "Create or Update" for leads, contacts and companies only', async () => {
	const { ApideckCrm } = await import('../../nodes/ApideckCrm/ApideckCrm.node');
	const operations = new ApideckCrm().description.properties.filter((p) => p.name === 'operation');
	const withUpsert = operations
		.filter((p) => p.options?.some((o) => 'value' in o && o.value === 'upsert'))
		.map((p) => p.displayOptions?.show?.resource?.[0]);
	expect(withUpsert.sort()).toEqual(['company', 'contact', 'lead']);
	const lead = operations.find((p) => p.displayOptions?.show?.resource?.[0] === 'lead');
	expect(lead?.options).toContainEqual({
		name: 'Create or Update',
		value: 'upsert',
		action: 'Create or update a lead',
		description: 'Update the lead that has the given email, or create it when none has',
	});
});

describe('lead, matched on email', () => {
	test('creates the lead with the email when none has it', async () => {
		sandbox.store.insert('leads', { id: 'other', name: 'Other', emails: [{ email: 'x@y.test' }] });
		const { json, sent, error } = await upsert('lead', {
			email: 'ada@example.test',
			name: 'Ada Lovelace',
			additionalFields: { company_name: 'Analytical Engines' },
		});
		expect(error).toBeUndefined();
		const id = json[0].id as string;
		expect(sent).toEqual([
			lookup('/crm/leads', { email: 'ada@example.test' }),
			{
				method: 'POST',
				path: '/crm/leads',
				query: {},
				body: {
					name: 'Ada Lovelace',
					company_name: 'Analytical Engines',
					emails: [{ email: 'ada@example.test', type: 'primary' }],
				},
			},
			{ method: 'GET', path: `/crm/leads/${id}`, query: {}, body: undefined },
		]);
		expect(json).toEqual([{ ...sandbox.store.get('leads', id), _upsert: 'created' }]);
	});

	test('updates the one lead that has the email, whatever its case', async () => {
		sandbox.store.insert('leads', {
			id: 'l1',
			name: 'Ada',
			emails: [{ email: 'Ada@Example.test', type: 'work' }],
		});
		const { json, sent } = await upsert('lead', {
			email: 'ada@example.test',
			name: 'Ada Lovelace',
			additionalFields: { description: 'met at the conference' },
		});
		expect(sent).toEqual([
			lookup('/crm/leads', { email: 'ada@example.test' }),
			{
				method: 'PATCH',
				path: '/crm/leads/l1',
				query: {},
				body: { name: 'Ada Lovelace', description: 'met at the conference' },
			},
			{ method: 'GET', path: '/crm/leads/l1', query: {}, body: undefined },
		]);
		expect(json).toEqual([{ ...sandbox.store.get('leads', 'l1'), _upsert: 'updated' }]);
		expect(json[0]).toMatchObject({ name: 'Ada Lovelace', description: 'met at the conference' });
		expect(sandbox.store.count('leads')).toBe(1);
	});

	test('an update without a name keeps the name of the match, as the spec requires one', async () => {
		sandbox.store.insert('leads', {
			id: 'l1',
			name: 'Ada Lovelace',
			emails: [{ email: 'ada@example.test' }],
		});
		const { json, sent, error } = await upsert('lead', {
			email: 'ada@example.test',
			// Mapped from an input item that has no name.
			name: '={{ $json.name }}',
			additionalFields: { status: 'qualified' },
		});
		expect(error).toBeUndefined();
		expect(sent.map((r) => r.method)).toEqual(['GET', 'PATCH', 'GET']);
		expect(sent[1].body).toEqual({ status: 'qualified', name: 'Ada Lovelace' });
		expect(json[0]).toMatchObject({
			name: 'Ada Lovelace',
			status: 'qualified',
			_upsert: 'updated',
		});
	});

	test('refuses to guess when several leads have the email', async () => {
		sandbox.store.insert('leads', {
			id: 'l1',
			name: 'Ada',
			emails: [{ email: 'ada@example.test' }],
		});
		sandbox.store.insert('leads', {
			id: 'l2',
			name: 'A. L.',
			emails: [{ email: 'ada@example.test' }],
		});
		const { error, sent } = await upsert('lead', { email: 'ada@example.test', name: 'Ada' });
		expect(error?.message).toBe('2 leads have the email "ada@example.test" (item 0)');
		expect(error?.description).toContain('Matching IDs: l1, l2');
		expect(sent).toEqual([lookup('/crm/leads', { email: 'ada@example.test' })]);
	});

	test('an empty email is refused before any request', async () => {
		const { error } = await upsert('lead', { email: ' ', name: 'Ada' });
		expect(error?.message).toBe('"Email" is empty (item 0)');
		expect(error?.description).toBe(
			'Create or Update finds the lead by its email; give one or map it from an earlier node.',
		);
		expect(sandbox.requests).toEqual([]);
	});
});

describe('contact, matched on email', () => {
	test('updates the match and keeps emails given in the fields', async () => {
		sandbox.store.insert('contacts', {
			id: 'c1',
			name: 'Grace',
			emails: [{ email: 'grace@navy.test' }],
		});
		const { json, sent } = await upsert('contact', {
			email: 'grace@navy.test',
			additionalFields: { title: 'Rear Admiral' },
		});
		expect(sent.map((r) => [r.method, r.path])).toEqual([
			['GET', '/crm/contacts'],
			['PATCH', '/crm/contacts/c1'],
			['GET', '/crm/contacts/c1'],
		]);
		expect(sent[1].body).toEqual({ title: 'Rear Admiral' });
		expect(json[0]).toMatchObject({ id: 'c1', title: 'Rear Admiral', _upsert: 'updated' });
	});

	test('creates a contact whose other emails come after the matched one', async () => {
		const { json, sent } = await upsert('contact', {
			email: 'grace@navy.test',
			additionalFields: {
				first_name: 'Grace',
				emails: { values: [{ id: '', email: 'grace@home.test', type: 'personal' }] },
			},
		});
		expect(sent[1]).toEqual({
			method: 'POST',
			path: '/crm/contacts',
			query: {},
			body: {
				first_name: 'Grace',
				emails: [
					{ email: 'grace@navy.test', type: 'primary' },
					{ email: 'grace@home.test', type: 'personal' },
				],
			},
		});
		expect(json[0]._upsert).toBe('created');
	});
});

describe('company, matched on name', () => {
	test('creates, then updates the same company on the next run', async () => {
		sandbox.store.insert('companies', { id: 'near', name: 'Acme Corporation' });
		const first = await upsert('company', {
			name: 'Acme',
			additionalFields: { industry: 'Tools' },
		});
		expect(first.sent.slice(0, 2)).toEqual([
			lookup('/crm/companies', { name: 'Acme' }),
			{
				method: 'POST',
				path: '/crm/companies',
				query: {},
				body: { name: 'Acme', industry: 'Tools' },
			},
		]);
		const id = first.json[0].id as string;
		expect(first.json[0]).toMatchObject({ id, name: 'Acme', _upsert: 'created' });

		sandbox.clearRequests();
		const second = await upsert('company', {
			name: 'acme',
			additionalFields: { industry: 'Rockets' },
		});
		expect(second.sent).toEqual([
			lookup('/crm/companies', { name: 'acme' }),
			{
				method: 'PATCH',
				path: `/crm/companies/${id}`,
				query: {},
				body: { name: 'acme', industry: 'Rockets' },
			},
			{ method: 'GET', path: `/crm/companies/${id}`, query: {}, body: undefined },
		]);
		expect(second.json[0]).toMatchObject({ id, industry: 'Rockets', _upsert: 'updated' });
		expect(sandbox.store.count('companies')).toBe(2);
	});

	test('a connector that matches loosely does not make a near name the match', async () => {
		// The sandbox filters names exactly; this answer stands in for a CRM that matched "Acme"
		// to "Acme Corporation", which must still lead to a create.
		listAnswers('/crm/companies', [{ id: 'near', name: 'Acme Corporation' }]);
		const { json, sent } = await upsert('company', { name: 'Acme' });
		expect(sent.map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
		expect(json[0]).toMatchObject({ name: 'Acme', _upsert: 'created' });
	});

	test('with continueOnFail the ambiguous item becomes an error item and the others go on', async () => {
		sandbox.store.insert('companies', { id: 'a1', name: 'Twin' });
		sandbox.store.insert('companies', { id: 'a2', name: 'twin' });
		const result = await runNode({
			type: 'apideckCrm',
			parameters: { resource: 'company', operation: 'upsert', name: '={{ $json.name }}' },
			credentials: sandboxCredentials(sandbox),
			input: [{ json: { name: 'Twin' } }, { json: { name: 'Solo' } }],
			continueOnFail: true,
		});
		expect(result.items.map((i) => [i.pairedItem, i.json._upsert ?? i.json.error])).toEqual([
			[{ item: 0 }, '2 companies have the name "Twin" (item 0)'],
			[{ item: 1 }, 'created'],
		]);
	});
});

describe('items of one run that share a match value', () => {
	const sameEmail = ['same@example.com', 'same@example.com', 'SAME@example.com'];
	const upsertEach = (input: IDataObject[], options: INodeParameters = {}) =>
		runNode({
			type: 'apideckCrm',
			parameters: {
				resource: 'lead',
				operation: 'upsert',
				email: '={{ $json.email }}',
				name: '={{ $json.name }}',
				options,
			},
			credentials: sandboxCredentials(sandbox),
			input: input.map((json) => ({ json })),
		});

	test('at the default Items in Parallel, one lead is created and the others update it', async () => {
		const { items, error } = await upsertEach(
			sameEmail.map((email, i) => ({ email, name: `Same ${i}` })),
		);
		expect(error).toBeUndefined();
		expect(sandbox.store.count('leads')).toBe(1);
		const [lead] = sandbox.store.list('leads');
		expect(items.map((i) => [i.pairedItem, i.json.id, i.json._upsert])).toEqual([
			[{ item: 0 }, lead.id, 'created'],
			[{ item: 1 }, lead.id, 'updated'],
			[{ item: 2 }, lead.id, 'updated'],
		]);
		expect(lead.name).toBe('Same 2');
	});

	test('items with different values still run in parallel', async () => {
		const emails = ['a@example.com', 'b@example.com', 'A@example.com', 'c@example.com'];
		const { error } = await upsertEach(emails.map((email) => ({ email, name: email })));
		expect(error).toBeUndefined();
		// The lookups of a, b and c all went out before the first create; the second "a" waited.
		const calls = sandbox.requests.map(
			(r) => `${r.method} ${String((r.query.filter as IDataObject | undefined)?.email ?? '')}`,
		);
		expect(calls.slice(0, 3).sort()).toEqual([
			'GET a@example.com',
			'GET b@example.com',
			'GET c@example.com',
		]);
		expect(sandbox.store.count('leads')).toBe(3);
	});

	test('a CRM whose search does not show the new lead yet still gets no second lead', async () => {
		// The lookups find nothing, as with a CRM that indexes new records after a while.
		listAnswers('/crm/leads', [], 2);
		const { items, error } = await upsertEach([
			{ email: 'late@example.com', name: 'Late' },
			{ email: 'late@example.com', name: 'Late again' },
		]);
		expect(error).toBeUndefined();
		expect(sandbox.store.count('leads')).toBe(1);
		expect(items.map((i) => i.json._upsert)).toEqual(['created', 'updated']);
		expect(sandbox.store.list('leads')[0].name).toBe('Late again');
	});

	test('the same email of two consumers is two leads', async () => {
		const { items, error } = await upsertEach(
			[
				{ email: 'twin@example.com', name: 'Twin', consumer: 'test-consumer' },
				{ email: 'twin@example.com', name: 'Twin', consumer: 'other-consumer' },
			],
			{ consumerId: '={{ $json.consumer }}' },
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json._upsert)).toEqual(['created', 'created']);
		expect(sandbox.store.count('leads')).toBe(1);
		expect(sandbox.store.count('leads', { consumerId: 'other-consumer' })).toBe(1);
	});
});
