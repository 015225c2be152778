// Truto's admin webhook API: POST /webhook (the only answer with the secret), GET /webhook
// (paged), GET / PATCH / DELETE /webhook/{id}, POST /webhook/test { id }.
import type { Cursors } from '../http/cursors.cjs';
import { isObject, type JsonObject, type SandboxResponse } from '../http/types.cjs';
import { adminPage, whereEquals } from './admin-list.cjs';
import { badRequest, trutoError, validationFailed } from './errors.cjs';
import type { Schema } from './schema-types.cjs';
import { check, type Failure } from './validate.cjs';
import type { TrutoWebhook, TrutoWebhooks } from './webhooks.cjs';

export interface WebhookApiDeps {
	hooks: TrutoWebhooks;
	cursors: Cursors;
	environmentId: string;
	createStatus: 200 | 201;
	httpsOnly: boolean;
}

const EVENT_TYPES: Schema = { type: 'array', items: { type: 'string' } };
const CREATE: Schema = {
	type: 'object',
	properties: {
		target_url: { type: 'string' },
		event_types: EVENT_TYPES,
		is_active: { type: 'boolean' },
		environment_id: { type: 'string' },
	},
	required: ['target_url'],
	closed: true,
};
const UPDATE: Schema = {
	type: 'object',
	properties: {
		target_url: { type: 'string' },
		event_types: EVENT_TYPES,
		is_active: { type: 'boolean' },
	},
	closed: true,
};
const TEST: Schema = {
	type: 'object',
	properties: { id: { type: 'string' } },
	required: ['id'],
	closed: true,
};

function problems(
	deps: WebhookApiDeps,
	body: unknown,
	schema: Schema,
): SandboxResponse | undefined {
	if (!isObject(body)) return badRequest('The request body must be a JSON object');
	const failures: Failure[] = check(body, schema, '');
	const fail = (field: string, message: string) =>
		failures.push({ field, problem: 'format', message: `${field} ${message}` });
	const url = body.target_url;
	if (typeof url === 'string') {
		if (!/^https?:\/\/\S+$/.test(url)) fail('target_url', 'must be an http(s) URL');
		else if (deps.httpsOnly && !url.startsWith('https://'))
			fail('target_url', 'must be an HTTPS URL');
	}
	if (Array.isArray(body.event_types))
		body.event_types.forEach((type, i) => {
			if (typeof type === 'string' && !/^[a-z_]+:[a-z_]+$/.test(type))
				fail(`event_types[${i}]`, "must look like 'entity:action', e.g. record:created");
		});
	if (body.environment_id !== undefined && body.environment_id !== deps.environmentId)
		fail('environment_id', 'is not the environment of this API token');
	return failures.length ? validationFailed(failures, 'body') : undefined;
}

const notFound = (id: string) => trutoError(404, `No webhook ${id} in this environment`);

export async function handleWebhookApi(
	deps: WebhookApiDeps,
	method: string,
	segments: string[],
	query: JsonObject,
	body: unknown,
): Promise<SandboxResponse | undefined> {
	const { hooks } = deps;
	if (segments.length > 1) return undefined;
	const [id] = segments;
	if (id === undefined) {
		if (method === 'GET') {
			const records = whereEquals(hooks.subscriptions() as unknown as JsonObject[], query, [
				'is_active',
				'environment_id',
			]);
			return adminPage(records, query, deps.cursors, 'webhooks');
		}
		if (method !== 'POST') return undefined;
		const invalid = problems(deps, body, CREATE);
		if (invalid) return invalid;
		const input = body as JsonObject;
		const { webhook, secret } = hooks.add({
			target_url: input.target_url as string,
			event_types: [...((input.event_types as string[] | undefined) ?? [])],
			is_active: (input.is_active as boolean | undefined) ?? true,
		});
		return { status: deps.createStatus, body: { ...webhook, secret } };
	}
	if (id === 'test' && method === 'POST') {
		const invalid = problems(deps, body, TEST);
		if (invalid) return invalid;
		const target = (body as JsonObject).id as string;
		if (!hooks.registry.has(target)) return notFound(target);
		const [result] = await hooks.deliver(
			{ event: 'test', payload: { foo: 'bar' } },
			{ webhookId: target },
		);
		return { status: 200, body: { success: result.status >= 200 && result.status < 300 } };
	}
	if (!['GET', 'PATCH', 'DELETE'].includes(method)) return undefined;
	const subscription = hooks.registry.get(id);
	if (!subscription) return notFound(id);
	if (method === 'GET') return { status: 200, body: { ...subscription.webhook } };
	if (method === 'DELETE') {
		hooks.registry.delete(id);
		return { status: 200, body: { ...subscription.webhook } };
	}
	const invalid = problems(deps, body, UPDATE);
	if (invalid) return invalid;
	const changes = body as Partial<TrutoWebhook>;
	Object.assign(subscription.webhook, changes, { updated_at: new Date().toISOString() });
	if (changes.event_types) subscription.webhook.event_types = [...changes.event_types];
	if (changes.is_active) subscription.failuresInARow = 0;
	return { status: 200, body: { ...subscription.webhook } };
}
