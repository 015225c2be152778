import type { ICredentialDataDecryptedObject, INodeParameters, INodeType } from 'n8n-workflow';

import { startTriggerHost, type TriggerHost } from '../helpers/trigger-host.cjs';
import { sandboxCredentials } from '../helpers/sandbox-credentials.cjs';
import type { Sandbox } from '../../sandbox/apideck/index.cjs';

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
