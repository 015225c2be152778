import { randomUUID } from 'node:crypto';
import { notFound, validationError } from './errors.cjs';
import { page, parseCursor, parseLimit } from './pagination.cjs';
import { CRM_EVENT_TYPES } from './resources.cjs';
import { isObject } from '../http/types.cjs';
import type { JsonObject, SandboxResponse } from './types.cjs';
import type { Webhook, Webhooks } from './webhooks.cjs';

const ALLOWED_KEYS = ['unified_api', 'status', 'delivery_url', 'events'];
/** Apideck's unified API names (crm, accounting, hris, …): lower-case words joined by '-'. */
const UNIFIED_API = /^[a-z]+(-[a-z]+)*$/;

/** Routes under /webhook; undefined means no such route. */
export async function handleWebhookApi(
	hooks: Webhooks,
	method: string,
	segments: string[],
	query: JsonObject,
	rawPath: string,
	rawQuery: string,
	body: unknown,
): Promise<SandboxResponse | undefined> {
	if (segments[0] !== 'webhooks' || segments.length > 2) return undefined;
	const id = segments[1];
	const ok = (data: unknown, status = 200): SandboxResponse => ({
		status,
		body: { status_code: status, status: status === 201 ? 'Created' : 'OK', data },
	});
	if (id === undefined) {
		if (method === 'GET') {
			const limit = parseLimit(query);
			if (!limit.ok) return limit.error;
			const cursor = parseCursor(hooks.config.cursors, 'webhooks', query);
			if (!cursor.ok) return cursor.error;
			const result = page({
				records: hooks.subscriptions() as unknown as JsonObject[],
				offset: cursor.value,
				limit: limit.value,
				cursors: hooks.config.cursors,
				list: 'webhooks',
				url: `${hooks.config.url()}${rawPath}`,
				rawQuery,
			});
			return { status: 200, body: { status_code: 200, status: 'OK', ...result } };
		}
		if (method === 'POST') return create(hooks, body, ok);
		return undefined;
	}
	const webhook = hooks.registry.get(id);
	if (!['GET', 'PATCH', 'DELETE'].includes(method)) return undefined;
	if (!webhook) return notFound('webhook', id);
	if (method === 'GET') return ok({ ...webhook });
	if (method === 'DELETE') {
		hooks.registry.delete(id);
		return ok({ ...webhook });
	}
	return update(hooks, webhook, body, ok);
}

/**
 * Subscriptions of any unified API can be created, so that tests can check that a CRM trigger
 * leaves the others alone; only the CRM API has known event types and sends events.
 */
function isKnownEvent(api: string, event: unknown): boolean {
	if (event === '*') return true;
	if (api === 'crm') return CRM_EVENT_TYPES.includes(event as string);
	return typeof event === 'string' && event.startsWith(`${api}.`);
}

/** `api` is the subscription's unified API: from the body on create, stored on update. */
function checkBody(body: unknown, creating: boolean, api?: string): string | undefined {
	if (!isObject(body)) return 'Request body must be a JSON object';
	const unknown = Object.keys(body).filter(
		(k) => !ALLOWED_KEYS.includes(k) || (!creating && k === 'unified_api'),
	);
	if (unknown.length) return `Unknown properties: ${unknown.join(', ')}`;
	if (creating) {
		const missing = ALLOWED_KEYS.filter((k) => body[k] === undefined);
		if (missing.length) return `Missing required ${missing.join(', ')}`;
		if (typeof body.unified_api !== 'string' || !UNIFIED_API.test(body.unified_api))
			return 'unified_api must be the name of an Apideck unified API, such as crm';
	}
	if (body.status !== undefined && body.status !== 'enabled' && body.status !== 'disabled') {
		return "status must be 'enabled' or 'disabled'";
	}
	if (
		body.delivery_url !== undefined &&
		(typeof body.delivery_url !== 'string' || !/^https?:\/\/[^\s]+$/.test(body.delivery_url))
	) {
		return 'delivery_url must be an http(s) URL';
	}
	if (body.events !== undefined) {
		const events = body.events;
		if (!Array.isArray(events) || !events.length) return 'events must be a non-empty array';
		const bad = events.filter((e) => !isKnownEvent(api ?? String(body.unified_api), e));
		if (bad.length) return `Unknown event types: ${bad.join(', ')}`;
	}
	return undefined;
}

async function create(
	hooks: Webhooks,
	body: unknown,
	ok: (data: unknown, status?: number) => SandboxResponse,
) {
	const problem = checkBody(body, true);
	if (problem) return validationError(problem);
	const input = body as JsonObject;
	const id = randomUUID();
	const now = new Date().toISOString();
	const webhook: Webhook = {
		id,
		unified_api: input.unified_api as string,
		status: input.status as Webhook['status'],
		disabled_reason: 'none',
		delivery_url: input.delivery_url as string,
		execute_base_url: `${hooks.config.url()}/webhook/webhooks/${id}/execute`,
		events: [...(input.events as string[])],
		created_at: now,
		updated_at: now,
	};
	hooks.registry.set(id, webhook);
	if (webhook.status === 'enabled' && !(await hooks.validate(webhook))) {
		webhook.status = 'disabled';
		webhook.disabled_reason = 'delivery_url_validation_failed';
	}
	return ok({ ...webhook }, 201);
}

async function update(
	hooks: Webhooks,
	webhook: Webhook,
	body: unknown,
	ok: (data: unknown) => SandboxResponse,
) {
	const problem = checkBody(body, false, webhook.unified_api);
	if (problem) return validationError(problem);
	const input = body as Partial<Webhook>;
	const urlChanged =
		input.delivery_url !== undefined && input.delivery_url !== webhook.delivery_url;
	const enabling = input.status === 'enabled' && webhook.status === 'disabled';
	Object.assign(webhook, input, { updated_at: new Date().toISOString() });
	if (input.events) webhook.events = [...input.events];
	if (webhook.status === 'enabled') webhook.disabled_reason = 'none';
	if (
		(urlChanged || enabling) &&
		webhook.status === 'enabled' &&
		!(await hooks.validate(webhook))
	) {
		webhook.status = 'disabled';
		webhook.disabled_reason = 'delivery_url_validation_failed';
	}
	return ok({ ...webhook });
}
