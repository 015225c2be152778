import type { ICredentialType, IExecuteFunctions, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/**
 * n8n tests a credential by running its `test.request` as a declarative request with the
 * credential's authentication; this node does exactly that through the engine's RoutingNode.
 * Register it as `n8n-nodes-apideck-crm.credentialTester`.
 */
export function credentialTester(credential: ICredentialType): INodeType {
	const request = credential.test!.request;
	return {
		description: {
			displayName: 'Credential Tester',
			name: 'credentialTester',
			group: ['transform'],
			version: 1,
			description: 'Runs the credential test request',
			defaults: { name: 'Credential Tester' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: credential.name, required: true }],
			requestDefaults: {},
			properties: [
				{ displayName: 'Test', name: 'test', type: 'hidden', default: '', routing: { request } },
			],
		},
	} as INodeType & { execute?: IExecuteFunctions };
}
