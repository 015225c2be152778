/**
 * The Truto node's editor methods through n8n's LoadOptionsContext against the Truto sandbox:
 * the integrated account picker, record pickers, the CRM's fields and filters from Truto's
 * method metadata (and what the editor says when Truto cannot describe them).
 */
import type { INodeParameters } from 'n8n-workflow';

import { bodyColumns } from '../../nodes/TrutoCrm/methods/resourceMapping';
import { listSearch, loadOptions, resourceMapping } from '../helpers/load-options.cjs';
import { trutoCredentials } from '../helpers/sandbox-credentials.cjs';
import { useTruto } from '../helpers/use-sandbox.cjs';

const sandbox = useTruto({ seed: true, reset: 'requests' });
afterEach(() => {
	for (const key of ['hubspot', 'salesforce']) sandbox.accounts.set(key, { meta: 'available' });
});

const account = (key: string) => ({ __rl: true, mode: 'list', value: sandbox.accounts.id(key) });
const call = (parameters: INodeParameters) => ({
	type: 'trutoCrm',
	parameters,
	credentials: trutoCredentials(sandbox),
});

describe('integrated account picker', () => {
	it('lists the environment’s accounts by CRM, tenant and status', async () => {
		const { results } = await listSearch('searchIntegratedAccounts', call({}));
		expect(results).toEqual(
			expect.arrayContaining([
				{ name: 'hubspot · acme', value: sandbox.accounts.id('hubspot') },
				{ name: 'close · hooli (needs_reauth)', value: sandbox.accounts.id('expired') },
				{ name: 'hubspot · acme-test (sandbox)', value: sandbox.accounts.id('readOnly') },
			]),
		);
		expect(sandbox.requests[0]).toMatchObject({
			path: '/integrated-account',
			rawQuery: 'limit=100',
		});
	});

	it('searches by part of the label or the ID', async () => {
		const { results } = await listSearch('searchIntegratedAccounts', call({}), 'SALES');
		expect(results.map((r) => r.value)).toEqual([sandbox.accounts.id('salesforce')]);
	});
});

describe('record pickers', () => {
	it('list the records of the chosen integrated account, names with emails', async () => {
		const { results } = await listSearch(
			'searchContact',
			call({ resource: 'contact', integratedAccount: account('salesforce') }),
		);
		expect(results[0]).toEqual({
			name: expect.stringMatching(/ \(.+@.+\)$/),
			value: expect.stringMatching(/^003/),
		});
		expect(sandbox.requests[0].query).toMatchObject({
			integrated_account_id: sandbox.accounts.id('salesforce'),
			truto_ignore_remote_data: 'true',
		});
	});

	it('search by email through Truto’s filter', async () => {
		const { results } = await listSearch(
			'searchContact',
			call({ resource: 'contact' }),
			'jane@acme.test',
		);
		expect(results.map((r) => r.name)).toEqual(['Jane Doe (jane@acme.test)']);
		expect(sandbox.requests[0].query).toMatchObject({ email_addresses: 'jane@acme.test' });
	});

	it('fall back to searching the listing here when the filter finds nothing', async () => {
		const { results } = await listSearch('searchAccount', call({ resource: 'account' }), 'acme');
		expect(results.map((r) => r.name)).toEqual(['Acme Corp']);
		expect(sandbox.requests.map((r) => r.query.name)).toEqual(['acme', undefined]);
	});
});

describe('custom fields dropdown', () => {
	it('lists the CRM’s fields of the resource from Truto’s fields resource', async () => {
		const options = await loadOptions(
			'getCustomFields',
			call({ resource: 'lead', integratedAccount: account('salesforce') }),
		);
		expect(options).toEqual(
			expect.arrayContaining([
				{ name: 'Lead Score', value: 'Lead_Score__c', description: 'Lead_Score__c · number' },
			]),
		);
		expect(sandbox.requests[0].query).toMatchObject({ entity: 'lead' });
	});
});

describe('the CRM’s own fields (column mapper)', () => {
	it('are the account’s write fields, custom fields and links included', async () => {
		const { fields } = await resourceMapping(
			'getCrmFields',
			call({ resource: 'contact', operation: 'create' }),
		);
		const byId = Object.fromEntries(fields.map((f) => [f.id, f]));
		expect(byId.first_name).toMatchObject({ displayName: 'First Name', type: 'string' });
		expect(byId['owner.id']).toMatchObject({ displayName: 'Owner ID', type: 'string' });
		expect(byId['custom_fields.hs_persona']).toMatchObject({
			displayName: 'Persona (custom)',
			type: 'options',
			options: [
				{ name: 'persona_1', value: 'persona_1' },
				{ name: 'persona_2', value: 'persona_2' },
			],
		});
		expect(byId.email_addresses.type).toBe('array');
		expect(byId.remote_data).toBeUndefined();
		expect(sandbox.requests[0].path).toBe('/unified/crm/contacts/meta/create');
	});

	it('mark what the CRM requires on create, and nothing on update', async () => {
		const required = async (operation: string) =>
			(
				await resourceMapping(
					'getCrmFields',
					call({ resource: 'lead', operation, integratedAccount: account('salesforce') }),
				)
			).fields
				.filter((f) => f.required)
				.map((f) => f.id);
		expect(await required('create')).toEqual(['last_name']);
		expect(await required('update')).toEqual([]);
	});

	it.each([404, 501] as const)(
		'when Truto answers %s, say so and point to the unified fields',
		async (status) => {
			sandbox.accounts.set('hubspot', { meta: status });
			const error = await resourceMapping(
				'getCrmFields',
				call({ resource: 'contact', operation: 'create' }),
			).catch((e: Error & { description?: string }) => e);
			expect((error as Error).message).toMatch(
				/^Truto could not describe the CRM's fields for this integrated account \(Truto/,
			);
			expect((error as { description?: string }).description).toMatch(
				/Choose Truto's Unified Fields under Define Fields/,
			);
		},
	);

	it('read a JSON Schema body as well as one keyed by field name', () => {
		const columns = bodyColumns(
			{
				type: 'object',
				required: ['name'],
				properties: {
					name: { type: 'string' },
					amount: { type: ['number', 'null'] },
					contact: {
						type: 'array',
						items: { type: 'object', properties: { id: { type: 'string' } } },
					},
					close_date: { type: 'string', format: 'date-time' },
				},
			},
			true,
		);
		expect(columns.map((c) => [c.id, c.type, c.required])).toEqual([
			['name', 'string', true],
			['amount', 'number', false],
			['contact[].id', 'string', false],
			['close_date', 'dateTime', false],
		]);
	});
});

describe('the CRM’s filters', () => {
	it('are the list parameters Truto describes for the account', async () => {
		const options = await loadOptions('getCrmFilters', call({ resource: 'contact' }));
		expect(options.map((o) => o.value)).toEqual(expect.arrayContaining(['search_term', 'sort_by']));
		expect(sandbox.requests[0].path).toBe('/unified/crm/contacts/meta/list');
	});

	it('say what to do when Truto cannot describe them', async () => {
		sandbox.accounts.set('hubspot', { meta: 404 });
		await expect(loadOptions('getCrmFilters', call({ resource: 'contact' }))).rejects.toMatchObject(
			{
				description: expect.stringMatching(/^Give the parameter name by expression instead/),
			},
		);
	});
});
