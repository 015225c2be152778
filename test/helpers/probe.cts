import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox/apideck/index.cjs';
import type { TrutoSandbox } from '../../sandbox/truto/index.cjs';
import { runNode } from './engine.cjs';
import { TransportProbe } from './probe-node.cjs';
import { sandboxCredentials, trutoCredentials } from './sandbox-credentials.cjs';

function runProbe(
	backend: 'apideck' | 'truto',
	parameters: INodeParameters,
	credentials: ICredentialDataDecryptedObject,
) {
	return runNode({
		type: 'transportProbe',
		nodeTypes: { 'n8n-nodes-apideck-crm.transportProbe': new TransportProbe(backend) },
		parameters: {
			...parameters,
			query: JSON.stringify(parameters.query ?? {}),
			body: parameters.body ? JSON.stringify(parameters.body) : '',
		},
		credentials,
	});
}

/** Runs the transport probe node once against the sandbox and returns its items or error. */
export async function probe(
	sandbox: Sandbox,
	parameters: INodeParameters,
	credentials: ICredentialDataDecryptedObject = {},
) {
	return await runProbe('apideck', parameters, sandboxCredentials(sandbox, credentials));
}

/** Runs the transport probe once through the Truto adapter against the Truto sandbox. */
export async function trutoProbe(
	sandbox: TrutoSandbox,
	parameters: INodeParameters,
	credentials: ICredentialDataDecryptedObject = {},
) {
	return await runProbe('truto', parameters, trutoCredentials(sandbox, credentials));
}
