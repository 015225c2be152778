import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox/apideck/index.cjs';
import type { TrutoSandbox } from '../../sandbox/truto/index.cjs';

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

/** A `trutoApi` credential pointing at a running Truto sandbox, its first account the default. */
export function trutoCredentials(
	sandbox: TrutoSandbox,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		apiToken: sandbox.token,
		integratedAccountId: sandbox.accounts.defaultId(),
		baseUrl: sandbox.url,
		...overrides,
	};
}
