// Top-level routes: /unified/crm/..., /integrated-account/..., /webhook/...; all need the token.
import { header, segmentsOf, type RecordedRequest, type SandboxResponse } from '../http/types.cjs';
import { handleAccountApi } from './account-api.cjs';
import { checkToken, resolveAccount } from './auth.cjs';
import { handleCrm, isWrite, unifiedMethod, type CrmDeps } from './crm.cjs';
import { badRequest, unknownRoute } from './errors.cjs';
import { methodMeta } from './meta.cjs';
import { handleWebhookApi, type WebhookApiDeps } from './webhook-api.cjs';

export interface RouterDeps {
	token: string;
	crm: CrmDeps;
	webhookApi: WebhookApiDeps;
	unknownAccountStatus: 400 | 404;
	/** Method metadata of accounts that do not say otherwise. */
	meta: 'available' | 404 | 501;
	/** Answers of writes by Idempotency-Key, per integrated account. */
	idempotent: Map<string, SandboxResponse>;
}

export async function route(deps: RouterDeps, req: RecordedRequest): Promise<SandboxResponse> {
	const segments = segmentsOf(req.path);
	if (!segments) return badRequest('The path is not valid percent-encoding');
	const missing = () => unknownRoute(req.method, req.path);
	const authError = checkToken(req.headers, deps.token);
	if (authError) return authError;

	const [area, ...rest] = segments;
	if (area === 'integrated-account')
		return (
			handleAccountApi(deps.crm.accounts, deps.crm.cursors, req.method, rest, req.query) ??
			missing()
		);
	if (area === 'webhook')
		return (
			(await handleWebhookApi(deps.webhookApi, req.method, rest, req.query, req.body)) ?? missing()
		);
	if (area !== 'unified' || rest[0] !== 'crm') return missing();
	const [, resource, second, third, ...tail] = rest;
	if (tail.length) return missing();

	if (second === 'meta' && third !== undefined && req.method === 'GET') {
		const ctx = resolveAccount(deps.crm.accounts, req.query, {
			write: false,
			unknownStatus: deps.unknownAccountStatus,
		});
		if ('status' in ctx) return ctx;
		const availability = deps.crm.accounts.state(ctx.accountId)?.meta ?? deps.meta;
		return methodMeta(deps.crm.store, resource, third, ctx, availability);
	}
	const found = third === undefined ? unifiedMethod(resource, req.method, second) : undefined;
	if (!found) return missing();
	const write = isWrite(req.method);
	const ctx = resolveAccount(deps.crm.accounts, req.query, {
		write,
		unknownStatus: deps.unknownAccountStatus,
	});
	if ('status' in ctx) return ctx;

	const key = write ? header(req.headers, 'idempotency-key') : undefined;
	const cacheKey = key && `${ctx.accountId}\u0000${req.method} ${req.path}\u0000${key}`;
	if (cacheKey && deps.idempotent.has(cacheKey)) return deps.idempotent.get(cacheKey)!;
	const response = handleCrm(
		deps.crm,
		{
			method: req.method,
			resource,
			unified: found.unified,
			id: found.id,
			rawPath: req.path,
			query: req.query,
			body: req.body,
			ctx,
		},
		found.schema,
	);
	if (cacheKey && response.status < 300) deps.idempotent.set(cacheKey, response);
	return response;
}
