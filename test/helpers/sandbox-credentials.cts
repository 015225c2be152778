import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox/apideck/index.cjs';

/** An `apideckApi` credential pointing at a running sandbox. */
export function sandboxCredentials(
	sandbox: Sandbox,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		apiKey: sandbox.apiKey,
		appId: sandbox.appId,
		consumerId: 'test-consumer',
		serviceId: '',
		baseUrl: sandbox.url,
		...overrides,
	};
}
