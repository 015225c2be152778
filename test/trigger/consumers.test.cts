/**
 * Whose events start the workflow and whose records the trigger reads: consumer IDs are compared
 * without surrounding spaces, and an unsigned event never makes the trigger read another
 * consumer's record with the application's key.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { TriggerHost } from '../helpers/trigger-host.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';
import { ApideckCrmTrigger } from '../../nodes/ApideckCrmTrigger/ApideckCrmTrigger.node';
import { activeHostFor, CONSUMER, deliverOnce, leadCreated } from './fixtures.cjs';

const sandbox = useSandbox();
let host: TriggerHost | undefined;

beforeEach(() => sandbox.webhooks.clear());
afterEach(async () => {
	await host?.close();
	host = undefined;
});

describe('consumer IDs are compared without surrounding spaces', () => {
	it.each<[string, INodeParameters, string, string]>([
		['the credential’s ID', { consumerFilter: 'credential' }, `${CONSUMER} `, CONSUMER],
		['the event’s ID', { consumerFilter: 'credential' }, CONSUMER, `\t${CONSUMER} `],
		[
			'the Specific Consumer ID',
			{ consumerFilter: 'specific', consumerId: ' other-consumer ' },
			CONSUMER,
			'other-consumer',
		],
	])(
		'starts the workflow when %s has spaces around it',
		async (_label, parameters, credentialConsumer, eventConsumer) => {
			host = await activeHostFor(sandbox, parameters, { consumerId: credentialConsumer });
			const result = await deliverOnce(sandbox, host, leadCreated({ consumer_id: eventConsumer }));
			expect(JSON.parse(result.body)).toEqual({ message: 'Workflow was started' });
			expect(host.executions).toHaveLength(1);
		},
	);

	it('still ignores a different consumer', async () => {
		host = await activeHostFor(sandbox, {}, { consumerId: `${CONSUMER} ` });
		const result = await deliverOnce(sandbox, host, leadCreated({ consumer_id: 'other-consumer' }));
		expect(JSON.parse(result.body).message).toMatch(/another consumer/);
		expect(host.executions).toHaveLength(0);
	});
});

describe('Fetch Full Record when Verify Signature is off', () => {
	const unverified = (parameters: INodeParameters = {}): INodeParameters => ({
		consumerFilter: 'any',
		fetchFullRecord: true,
		options: { verifySignature: false },
		...parameters,
	});
	const crmReads = () => sandbox.requests.filter((r) => r.path.startsWith('/crm/'));

	it.each<[string, INodeParameters]>([
		['Any Consumer', {}],
		[
			'a Specific Consumer other than the credential’s',
			{ consumerFilter: 'specific', consumerId: 'other-consumer' },
		],
	])(
		'does not read another consumer’s record for an unsigned event (%s)',
		async (_label, parameters) => {
			host = await activeHostFor(sandbox, unverified(parameters));
			const record = sandbox.store.insert(
				'leads',
				{ name: 'Other Tenant' },
				{ consumerId: 'other-consumer', serviceId: 'pipedrive' },
			);
			await deliverOnce(
				sandbox,
				host,
				leadCreated({
					consumer_id: 'other-consumer',
					service_id: 'pipedrive',
					entity_id: record.id as string,
				}),
				{ omitSignature: true },
			);

			expect(crmReads()).toEqual([]);
			expect(host.executions).toHaveLength(1);
			const item = host.executions[0][0].json;
			expect(item).toMatchObject({ consumer_id: 'other-consumer', entity_id: record.id });
			expect(item.record).toBeUndefined();
			expect(item.recordError).toMatchObject({
				message: expect.stringMatching(/another consumer.*Verify Signature/),
			});
			expect(JSON.stringify(item)).not.toContain('Other Tenant');
		},
	);

	it('still reads the record of the credential’s own consumer (IDs compared trimmed)', async () => {
		host = await activeHostFor(sandbox, unverified(), { consumerId: ` ${CONSUMER} ` });
		const record = sandbox.store.insert(
			'leads',
			{ name: 'Own Tenant' },
			{ consumerId: CONSUMER, serviceId: 'hubspot' },
		);
		await deliverOnce(
			sandbox,
			host,
			leadCreated({ service_id: 'hubspot', entity_id: record.id as string }),
			{ omitSignature: true },
		);

		expect(host.executions[0][0].json.record).toMatchObject({ name: 'Own Tenant' });
		expect(crmReads()).toEqual([
			expect.objectContaining({
				headers: expect.objectContaining({ 'x-apideck-consumer-id': CONSUMER }),
			}),
		]);
	});

	it('says so in the descriptions of Fetch Full Record and Verify Signature', () => {
		const { properties } = new ApideckCrmTrigger().description;
		const fetch = properties.find((p) => p.name === 'fetchFullRecord');
		const verify = properties
			.find((p) => p.name === 'options')
			?.options?.find((o) => 'name' in o && o.name === 'verifySignature') as
			| { description?: string }
			| undefined;
		expect(fetch?.description).toMatch(/Verify Signature.*off.*credential’s consumer/);
		expect(verify?.description).toMatch(/credential’s consumer/);
	});
});
