import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { ApiFunctions } from '../core';
import { credentialSettings } from '../core';
import { CREDENTIAL_NAME, DEFAULT_BASE_URL } from './credential';

interface TrutoSettings {
	baseUrl: string;
	apiToken: string;
	/** The integrated account unified calls use when the node names none. */
	integratedAccountId: string;
}

const parse = (credentials: ICredentialDataDecryptedObject): TrutoSettings => ({
	baseUrl: String(credentials.baseUrl || DEFAULT_BASE_URL)
		.trim()
		.replace(/\/+$/, ''),
	apiToken: String(credentials.apiToken ?? ''),
	integratedAccountId: String(credentials.integratedAccountId ?? '').trim(),
});

/** The Truto credential's values, read once per node execution. */
export function trutoSettings(ctx: ApiFunctions): Promise<TrutoSettings> {
	return credentialSettings(ctx, CREDENTIAL_NAME, parse);
}
