import { connectionNotFound, unauthorized } from './errors.cjs';
import { bearerProblem } from '../http/bearer.cjs';
import { header } from '../http/types.cjs';
import type { CallContext, RecordedRequest, SandboxResponse } from './types.cjs';

type Headers = RecordedRequest['headers'];

export interface AuthConfig {
	apiKey: string;
	appId: string;
	consumers: Record<string, string[]>;
}

/** Checks key and application; messages never repeat the key that was sent. */
export function checkApplication(
	headers: Headers,
	config: AuthConfig,
): SandboxResponse | undefined {
	const problem = bearerProblem(headers, config.apiKey, 'API key');
	if (problem) return unauthorized(problem);
	const appId = header(headers, 'x-apideck-app-id');
	if (!appId) return unauthorized('Missing Header: x-apideck-app-id');
	if (appId !== config.appId)
		return unauthorized(`Application '${appId}' does not belong to this API key`);
	return undefined;
}

export type ConsumerCheck =
	| { ok: true; consumerId: string; connections: string[] }
	| { ok: false; error: SandboxResponse };

/** Application check plus a known x-apideck-consumer-id. */
export function checkConsumer(headers: Headers, config: AuthConfig): ConsumerCheck {
	const appError = checkApplication(headers, config);
	if (appError) return { ok: false, error: appError };
	const consumerId = header(headers, 'x-apideck-consumer-id');
	if (!consumerId)
		return { ok: false, error: unauthorized('Missing Header: x-apideck-consumer-id') };
	const connections = config.consumers[consumerId];
	if (!connections)
		return {
			ok: false,
			error: unauthorized(`Consumer '${consumerId}' is not known in Vault for this application`),
		};
	return { ok: true, consumerId, connections };
}

/** x-apideck-service-id must be one of the consumer's connections; absent = the first one. */
export function resolveService(
	headers: Headers,
	consumerId: string,
	connections: string[],
): CallContext | SandboxResponse {
	const wanted = header(headers, 'x-apideck-service-id');
	const serviceId = wanted ?? connections[0];
	if (!serviceId || !connections.includes(serviceId))
		return connectionNotFound(consumerId, wanted ?? '(none)');
	return { consumerId, serviceId };
}
