import type { INodeParameters, INodeType } from 'n8n-workflow';

import { trutoCredentials } from '../helpers/sandbox-credentials.cjs';
import {
	startTriggerHost,
	type TriggerHost,
	type TriggerHostOptions,
} from '../helpers/trigger-host.cjs';
import type {
	DeliverOptions,
	DeliveryResult,
	TrutoEvent,
	TrutoSandbox,
} from '../../sandbox/truto/index.cjs';

export interface HostExtras {
	nodeType?: INodeType;
	/** Credential fields to override, e.g. integratedAccountId or baseUrl. */
	credentials?: Record<string, string>;
	staticDataSaving?: TriggerHostOptions['staticDataSaving'];
}

/**
 * A host for the Truto CRM Trigger with the given parameters: record events of the
 * credential's integrated account (the sandbox's first), Fetch Full Record off unless asked for.
 */
export async function trutoHostFor(
	truto: TrutoSandbox,
	parameters: INodeParameters = {},
	extra: HostExtras = {},
): Promise<TriggerHost> {
	return await startTriggerHost({
		type: 'trutoCrmTrigger',
		credentials: { ...trutoCredentials(truto), ...extra.credentials },
		parameters: {
			events: ['record:created', 'record:updated', 'record:deleted'],
			fetchFullRecord: false,
			...parameters,
		},
		nodeType: extra.nodeType,
		staticDataSaving: extra.staticDataSaving,
	});
}

/** The same host, activated: its webhook exists on the sandbox and its secret is stored. */
export async function activeTrutoHost(
	truto: TrutoSandbox,
	parameters: INodeParameters = {},
	extra: HostExtras = {},
): Promise<TriggerHost> {
	const host = await trutoHostFor(truto, parameters, extra);
	await host.activate();
	return host;
}

/** The webhooks of the sandbox that deliver to the host. */
export const webhooksOf = (truto: TrutoSandbox, host: TriggerHost) =>
	truto.webhooks.subscriptions().filter((webhook) => webhook.target_url === host.webhookUrl);

/** A record:created event of a lead of the sandbox's first integrated account. */
export function leadCreated(
	truto: TrutoSandbox,
	record: Record<string, unknown> = { id: 'lead-1', first_name: 'Ada' },
	extra: Partial<TrutoEvent> = {},
): TrutoEvent {
	return {
		event: 'record:created',
		payload: {
			integrated_account_id: truto.accounts.defaultId(),
			integration: 'hubspot',
			unified_model: 'crm',
			resource: 'leads',
			record,
		},
		...extra,
	};
}

/** Delivers the event to every webhook that wants it and waits until the host is done. */
export async function deliverOnce(
	truto: TrutoSandbox,
	host: TriggerHost,
	event: TrutoEvent,
	options: DeliverOptions = {},
): Promise<DeliveryResult> {
	const results = await truto.webhooks.deliver(event, options);
	await host.idle();
	expect(results).toHaveLength(1);
	return results[0];
}

/** The message of a JSON answer. */
export const messageOf = (result: { body: string }) =>
	(JSON.parse(result.body) as { message: string }).message;

/** The trigger class from a fresh copy of its modules: what a restarted n8n process has. */
export function freshTrutoTrigger(): INodeType {
	let instance: INodeType | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { TrutoCrmTrigger } = require('../../nodes/TrutoCrmTrigger/TrutoCrmTrigger.node');
		instance = new TrutoCrmTrigger();
	});
	return instance!;
}
