import { segmentsOf } from '../http/types.cjs';
import { checkApplication, checkConsumer, resolveService, type AuthConfig } from './auth.cjs';
import { handleCrm, type CrmDeps } from './crm.cjs';
import { unknownRoute, validationError } from './errors.cjs';
import type { RecordedRequest, SandboxResponse } from './types.cjs';
import { handleVault } from './vault.cjs';
import { handleWebhookApi } from './webhook-api.cjs';
import type { Webhooks } from './webhooks.cjs';

export interface RouterDeps {
	auth: AuthConfig;
	crm: CrmDeps;
	webhooks: Webhooks;
}

export async function route(deps: RouterDeps, req: RecordedRequest): Promise<SandboxResponse> {
	const segments = segmentsOf(req.path);
	if (!segments) return validationError('The path is not valid percent-encoding');
	const [area, ...rest] = segments;
	const missing = () => unknownRoute(req.method, req.path);

	if (area === 'webhook') {
		const authError = checkApplication(req.headers, deps.auth);
		if (authError) return authError;
		return (
			(await handleWebhookApi(
				deps.webhooks,
				req.method,
				rest,
				req.query,
				req.path,
				req.rawQuery,
				req.body,
			)) ?? missing()
		);
	}
	if (area !== 'crm' && area !== 'vault') return missing();

	const consumer = checkConsumer(req.headers, deps.auth);
	if (!consumer.ok) return consumer.error;
	if (area === 'vault')
		return handleVault(rest, req.query, consumer.consumerId, consumer.connections) ?? missing();

	const ctx = resolveService(req.headers, consumer.consumerId, consumer.connections);
	if ('status' in ctx) return ctx;
	return (
		handleCrm(deps.crm, {
			method: req.method,
			segments: rest,
			rawPath: req.path,
			rawQuery: req.rawQuery,
			query: req.query,
			body: req.body,
			ctx,
		}) ?? missing()
	);
}
