import { randomUUID } from 'node:crypto';

import type { ICredentialDataDecryptedObject, INodeParameters, INodeType } from 'n8n-workflow';

import { startTriggerHost, type TriggerHost } from '../helpers/trigger-host.cjs';
import { sandboxCredentials } from '../helpers/sandbox-credentials.cjs';
import type {
	CrmEvent,
	DeliverOptions,
	DeliveryResult,
	Sandbox,
} from '../../sandbox/apideck/index.cjs';

export const CONSUMER = 'test-consumer';

export function credentialsFor(
	sandbox: Sandbox,
	consumerId = CONSUMER,
): ICredentialDataDecryptedObject {
	return sandboxCredentials(sandbox, { consumerId });
}

/** A host for the trigger with the given parameters; Fetch Full Record is off unless asked for. */
export async function hostFor(
	sandbox: Sandbox,
	parameters: INodeParameters,
	extra: { nodeType?: INodeType; consumerId?: string } = {},
): Promise<TriggerHost> {
	return await startTriggerHost({
		credentials: credentialsFor(sandbox, extra.consumerId),
		parameters: { fetchFullRecord: false, ...parameters },
		nodeType: extra.nodeType,
	});
}

/** A host whose subscription is active on the sandbox (Apideck's URL check already answered). */
export async function activeHostFor(
	sandbox: Sandbox,
	parameters: INodeParameters,
	extra: { nodeType?: INodeType; consumerId?: string } = {},
): Promise<TriggerHost> {
	const host = await hostFor(sandbox, { events: ['*'], ...parameters }, extra);
	await host.activate();
	await host.idle();
	return host;
}

/** A crm.lead.created event of the test consumer, with a fresh event ID. */
export const leadCreated = (extra: Partial<CrmEvent> = {}): CrmEvent => ({
	event_type: 'crm.lead.created',
	entity_id: 'lead-1',
	consumer_id: CONSUMER,
	service_id: 'salesforce',
	event_id: randomUUID(),
	...extra,
});

/** Delivers the event to the one subscription there is and waits until the host is done with it. */
export async function deliverOnce(
	sandbox: Sandbox,
	host: TriggerHost,
	event: CrmEvent,
	options: DeliverOptions = {},
): Promise<DeliveryResult> {
	const results = await sandbox.webhooks.deliver(event, options);
	await host.idle();
	expect(results).toHaveLength(1);
	return results[0];
}

/** The trigger class from a fresh copy of its modules: what a restarted n8n process has. */
export function freshTrigger(): INodeType {
	let instance: INodeType | undefined;
	jest.isolateModules(() => {
		const { ApideckCrmTrigger } = require('../../nodes/ApideckCrmTrigger/ApideckCrmTrigger.node');
		instance = new ApideckCrmTrigger();
	});
	return instance!;
}
