import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { ApideckFunctions } from './types';

export const CREDENTIAL_NAME = 'apideckApi';
export const DEFAULT_BASE_URL = 'https://unify.apideck.com';

export interface ApideckSettings {
	baseUrl: string;
	apiKey: string;
	consumerId: string;
	serviceId: string;
}

const cache = new WeakMap<object, Promise<ApideckSettings>>();

async function load(ctx: ApideckFunctions): Promise<ApideckSettings> {
	const credentials: ICredentialDataDecryptedObject = await ctx.getCredentials(CREDENTIAL_NAME);
	const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL)
		.trim()
		.replace(/\/+$/, '');
	return {
		baseUrl,
		apiKey: String(credentials.apiKey ?? ''),
		consumerId: String(credentials.consumerId ?? ''),
		serviceId: String(credentials.serviceId ?? ''),
	};
}

/** The credential values the transport needs, read once per node execution. */
export function apideckSettings(ctx: ApideckFunctions): Promise<ApideckSettings> {
	let settings = cache.get(ctx);
	if (!settings) {
		settings = load(ctx);
		cache.set(ctx, settings);
		settings.catch(() => cache.delete(ctx));
	}
	return settings;
}
