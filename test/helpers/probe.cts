import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox/apideck/index.cjs';
import { runNode } from './engine.cjs';
import { TransportProbe } from './probe-node.cjs';
import { sandboxCredentials } from './sandbox-credentials.cjs';

/** Runs the transport probe node once against the sandbox and returns its items or error. */
export async function probe(
	sandbox: Sandbox,
	parameters: INodeParameters,
	credentials: ICredentialDataDecryptedObject = {},
) {
	return await runNode({
		type: 'transportProbe',
		nodeTypes: { 'n8n-nodes-apideck-crm.transportProbe': new TransportProbe() },
		parameters: {
			...parameters,
			query: JSON.stringify(parameters.query ?? {}),
			body: parameters.body ? JSON.stringify(parameters.body) : '',
		},
		credentials: sandboxCredentials(sandbox, credentials),
	});
}
