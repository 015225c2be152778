import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { ApiFunctions } from '../core';
import { credentialSettings } from '../core';
import { CREDENTIAL_NAME, DEFAULT_BASE_URL } from './credential';

interface ApideckSettings {
	baseUrl: string;
	apiKey: string;
	consumerId: string;
	serviceId: string;
}

const parse = (credentials: ICredentialDataDecryptedObject): ApideckSettings => ({
	baseUrl: String(credentials.baseUrl || DEFAULT_BASE_URL)
		.trim()
		.replace(/\/+$/, ''),
	apiKey: String(credentials.apiKey ?? ''),
	consumerId: String(credentials.consumerId ?? ''),
	serviceId: String(credentials.serviceId ?? ''),
});

/** The Apideck credential's values, read once per node execution. */
export function apideckSettings(ctx: ApiFunctions): Promise<ApideckSettings> {
	return credentialSettings(ctx, CREDENTIAL_NAME, parse);
}
