import { randomUUID } from 'node:crypto';

import type { ICredentialDataDecryptedObject, INodeParameters, INodeType } from 'n8n-workflow';

import {
	startTriggerHost,
	type TriggerHost,
	type TriggerHostOptions,
} from '../helpers/trigger-host.cjs';
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

export interface HostExtras {
	nodeType?: INodeType;
	consumerId?: string;
	/** Credential fields to override, e.g. baseUrl. */
	credentials?: ICredentialDataDecryptedObject;
	staticDataSaving?: TriggerHostOptions['staticDataSaving'];
}

/** A host for the trigger with the given parameters; Fetch Full Record is off unless asked for. */
export async function hostFor(
	sandbox: Sandbox,
	parameters: INodeParameters,
	extra: HostExtras = {},
): Promise<TriggerHost> {
	return await startTriggerHost({
		credentials: { ...credentialsFor(sandbox, extra.consumerId), ...extra.credentials },
		parameters: { fetchFullRecord: false, ...parameters },
		nodeType: extra.nodeType,
		staticDataSaving: extra.staticDataSaving,
	});
}

/** A host whose subscription is active on the sandbox (Apideck's URL check already answered). */
export async function activeHostFor(
	sandbox: Sandbox,
	parameters: INodeParameters,
	extra: HostExtras = {},
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

/**
 * Sends the event to the host as Apideck would, giving up after `patienceMs` as Apideck gives up
 * on a slow answer (status 0 then).
 */
export async function postAsApideck(
	sandbox: Sandbox,
	host: TriggerHost,
	event: CrmEvent,
	patienceMs: number,
): Promise<{ status: number; body: string }> {
	const { body, headers } = sandbox.webhooks.buildDelivery(event);
	return await fetch(host.webhookUrl, {
		method: 'POST',
		body,
		headers,
		signal: AbortSignal.timeout(patienceMs),
	}).then(
		async (response) => ({ status: response.status, body: await response.text() }),
		(error: Error) => ({ status: 0, body: error.message }),
	);
}

/** The trigger class from a fresh copy of its modules: what a restarted n8n process has. */
export function freshTrigger(): INodeType {
	let instance: INodeType | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { ApideckCrmTrigger } = require('../../nodes/ApideckCrmTrigger/ApideckCrmTrigger.node');
		instance = new ApideckCrmTrigger();
	});
	return instance!;
}

/** Calls the sandbox's webhook API (/webhook/webhooks…) as the application; returns `data`. */
export async function webhookApi(
	sandbox: Sandbox,
	method: string,
	path = '',
	body?: object,
): Promise<{ id: string }> {
	const response = await fetch(`${sandbox.url}/webhook/webhooks${path}`, {
		method,
		headers: {
			authorization: `Bearer ${sandbox.apiKey}`,
			'x-apideck-app-id': sandbox.appId,
			'content-type': 'application/json',
		},
		body: body && JSON.stringify(body),
	});
	const json = (await response.json()) as { data: { id: string } };
	if (response.status >= 300) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
	return json.data;
}
