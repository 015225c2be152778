import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { ApiFunctions } from './types';

const cache = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * A credential's values as the backend needs them, read once per node execution (n8n hands
 * every run its own context) and read again after a failed read.
 */
export function credentialSettings<Settings>(
	ctx: ApiFunctions,
	credentialName: string,
	parse: (credentials: ICredentialDataDecryptedObject) => Settings,
): Promise<Settings> {
	let perRun = cache.get(ctx);
	if (!perRun) {
		perRun = new Map();
		cache.set(ctx, perRun);
	}
	let settings = perRun.get(credentialName) as Promise<Settings> | undefined;
	if (!settings) {
		settings = ctx.getCredentials(credentialName).then(parse);
		perRun.set(credentialName, settings);
		settings.catch(() => perRun.delete(credentialName));
	}
	return settings;
}
