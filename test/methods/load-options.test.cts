/**
 * The node's dropdowns (loadOptions) and column mapper (resourceMapping), called as the editor
 * calls them, against the seeded sandbox; and what a failing dropdown shows.
 */
import { NodeApiError } from 'n8n-workflow';

import { loadOptions, resourceMapping } from '../helpers/load-options.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';
import { byId, credentials, sent } from './fixtures.cjs';

const sandbox = useSandbox({ seed: true, reset: 'requests' });

const call = (parameters: Record<string, unknown>, serviceId = '') => ({
	parameters: parameters as never,
	credentials: credentials(sandbox, serviceId),
});

describe('getServices', () => {
	test("offers the consumer's connected CRMs from Vault, after the credential default", async () => {
		const options = await loadOptions('getServices', call({ resource: 'lead' }));
		expect(options.map((o) => [o.name, o.value])).toEqual([
			['Use the Credential Setting', ''],
			['HubSpot', 'hubspot'],
			['Salesforce', 'salesforce'],
		]);
		expect(sent(sandbox)).toEqual([
			{ method: 'GET', path: '/vault/connections', query: { api: 'crm' } },
		]);
	});

	test('follows the Consumer ID option', async () => {
		const options = await loadOptions(
			'getServices',
			call({ resource: 'lead', options: { consumerId: 'other-consumer' } }),
		);
		expect(options.map((o) => o.value)).toEqual(['', 'pipedrive']);
		expect(sandbox.requests[0].headers['x-apideck-consumer-id']).toBe('other-consumer');
	});
});

describe('getCustomFields', () => {
	const names = async (parameters: Record<string, unknown>, serviceId = '') =>
		(await loadOptions('getCustomFields', call(parameters, serviceId))).map((o) => [
			o.name,
			o.value,
		]);

	test('lists the custom fields of the connector chosen under Options', async () => {
		expect(await names({ resource: 'lead', options: { serviceId: 'salesforce' } })).toEqual([
			['Lead Score', 'Lead_Score__c'],
			['Region', 'Region__c'],
		]);
		expect(await names({ resource: 'lead', options: { serviceId: 'hubspot' } })).toEqual([
			['Lead Status', 'hs_lead_status'],
		]);
		expect(sent(sandbox).map((r) => r.path)).toEqual([
			'/vault/connections/crm/salesforce/leads/custom-fields',
			'/vault/connections/crm/hubspot/leads/custom-fields',
		]);
	});

	test("uses the credential's service, else the consumer's first connection", async () => {
		expect(await names({ resource: 'contact' }, 'hubspot')).toEqual([
			['Lifecycle Stage', 'lifecyclestage'],
			['Persona', 'hs_persona'],
		]);
		sandbox.clearRequests();
		expect(await names({ resource: 'company' })).toEqual([
			['Customer Tier', 'Tier__c'],
			['Renewal Date', 'Renewal_Date__c'],
		]);
		expect(sent(sandbox).map((r) => r.path)).toEqual([
			'/vault/connections',
			'/vault/connections/crm/salesforce/companies/custom-fields',
		]);
	});

	test('follows the Consumer ID option to its own connector', async () => {
		expect(
			await names({ resource: 'opportunity', options: { consumerId: 'other-consumer' } }),
		).toEqual([['Deal Source', '7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b50']]);
	});
});

describe('getPipelineStages', () => {
	const pipeline = (name: string) =>
		sandbox.store
			.list('pipelines', { consumerId: 'test-consumer', serviceId: 'salesforce' })
			.find((p) => p.name === name)!.id as string;

	test('lists the stages of the pipeline chosen in the same collection, in order', async () => {
		const options = await loadOptions(
			'getPipelineStages',
			call({
				resource: 'opportunity',
				operation: 'create',
				additionalFields: { pipeline_id: byId(pipeline('Sales Pipeline')) },
			}),
		);
		expect(options.map((o) => [o.name, o.value])).toEqual([
			['Qualified', 'qualified'],
			['Proposal', 'proposal'],
			['Closed Won', 'won'],
		]);
		const renewals = await loadOptions(
			'getPipelineStages',
			call({
				resource: 'opportunity',
				operation: 'update',
				updateFields: { pipeline_id: { __rl: true, mode: 'list', value: pipeline('Renewals') } },
			}),
		);
		expect(renewals.map((o) => o.value)).toEqual(['proposal', 'won']);
	});

	test('asks for the pipeline first', async () => {
		await expect(
			loadOptions('getPipelineStages', call({ resource: 'opportunity', additionalFields: {} })),
		).rejects.toThrow('Choose the pipeline first');
	});
});

describe('getCustomObjectColumns', () => {
	test('turns the seeded schema into typed columns, required ones marked on create', async () => {
		const schema = sandbox.store.list('custom-object-schemas', {
			consumerId: 'test-consumer',
			serviceId: 'salesforce',
		})[0];
		const { fields } = await resourceMapping(
			'getCustomObjectColumns',
			call({ resource: 'customObject', operation: 'create', objectId: byId(schema.id as string) }),
		);
		const common = { defaultMatch: false, canBeUsedToMatch: false, display: true };
		expect(fields).toEqual([
			{ id: 'Name', displayName: 'Name', type: 'string', required: true, ...common },
			{ id: 'Budget', displayName: 'Budget', type: 'number', required: false, ...common },
			{ id: 'Start Date', displayName: 'Start Date', type: 'string', required: false, ...common },
		]);
		expect(sent(sandbox)).toEqual([
			{ method: 'GET', path: `/crm/custom-object-schemas/${schema.id as string}`, query: {} },
		]);

		const update = await resourceMapping(
			'getCustomObjectColumns',
			call({ resource: 'customObject', operation: 'update', objectId: byId(schema.id as string) }),
		);
		expect(update.fields.map((f) => f.required)).toEqual([false, false, false]);
	});

	test('select fields become dropdowns with the schema choices', async () => {
		const id = sandbox.store.insert(
			'custom-object-schemas',
			{
				name: 'ticket',
				fields: [
					{
						name: 'priority',
						type: 'select',
						options: [
							{ value: 'p1', label: 'Urgent' },
							{ value: 'p2', label: 'Normal' },
						],
					},
					{ name: 'labels', type: 'multiselect' },
					{ name: 'done', type: 'boolean' },
				],
			},
			{ consumerId: 'other-consumer', serviceId: 'pipedrive' },
		).id as string;
		const { fields } = await resourceMapping(
			'getCustomObjectColumns',
			call({
				resource: 'customObject',
				operation: 'create',
				objectId: byId(id),
				options: { consumerId: 'other-consumer' },
			}),
		);
		expect(fields.map((f) => [f.id, f.type, f.options])).toEqual([
			[
				'priority',
				'options',
				[
					{ name: 'Urgent', value: 'p1' },
					{ name: 'Normal', value: 'p2' },
				],
			],
			['labels', 'array', undefined],
			['done', 'boolean', undefined],
		]);
	});
});

describe('a failing dropdown', () => {
	test("shows Apideck's explained error instead of an empty list", async () => {
		sandbox.faults.error({
			status: 401,
			typeName: 'UnauthorizedError',
			message: 'Unauthorized Request',
			path: '/vault/connections',
		});
		const error = await loadOptions('getServices', call({ resource: 'lead' })).then(
			() => undefined,
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toBe(
			'Apideck rejected the credentials: Unauthorized Request',
		);
		expect((error as NodeApiError).description).toContain('Apideck said: Unauthorized Request');
		expect((error as NodeApiError).description).toContain('Hint: Check the API key');
		expect((error as NodeApiError).description).not.toContain(sandbox.apiKey);
	});

	test('a connector that is not connected names the problem in the custom field picker', async () => {
		const error = await loadOptions(
			'getCustomFields',
			call({ resource: 'lead', options: { serviceId: 'zoho-crm' } }),
		).then(
			() => undefined,
			(e: unknown) => e as NodeApiError,
		);
		expect(error?.message).toBe(
			"No CRM is connected for this consumer and service: Consumer 'test-consumer' has no callable 'zoho-crm' connection for the crm API",
		);
		expect(error?.description).toContain('Hint: Connect the CRM for this consumer');
	});

	test('a record picker passes the error on too', async () => {
		sandbox.faults.error({ status: 402, typeName: 'PaymentRequiredError', path: '/crm/leads' });
		const { listSearch } = await import('../helpers/load-options.cjs');
		await expect(listSearch('searchLead', call({ resource: 'lead' }))).rejects.toMatchObject({
			httpCode: '402',
			description: expect.stringContaining('Type: PaymentRequiredError'),
		});
	});
});
