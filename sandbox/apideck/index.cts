/**
 * Local Apideck sandbox: a real HTTP server on 127.0.0.1 that behaves like Apideck's CRM, Vault
 * (connections, custom fields) and Webhook APIs, for tests, benchmarks and the README demo.
 * Dev-only; Node built-ins only. Start it on its own with `npm run sandbox` (see ../cli.cts).
 * The recording server, latency, rate limiter and fault queue are shared with the other backends
 * (../http); faults.cts words their errors the Apideck way.
 *
 *   const sandbox = await startSandbox({ seed: true });
 *   // point a credential at sandbox.url with sandbox.apiKey / sandbox.appId / 'test-consumer'
 *   await sandbox.close();
 *
 * startSandbox(options?)                                     → Promise<Sandbox>
 *   apiKey = 'sandbox-api-key', appId = 'sandbox-app'
 *   consumers = { 'test-consumer': ['salesforce', 'hubspot'], 'other-consumer': ['pipedrive'] }
 *   seed, port (0 = random), latencyMs, rateLimit: { perSecond, kind?: 'window' | 'spaced', announce? }, signatureEncoding: 'hex' | 'base64',
 *   emitEvents (deliver crm.* webhooks when records change through the API), validationTimeoutMs
 *
 * Sandbox
 *   url, port, apiKey, appId, consumers
 *   requests: RecordedRequest[]  every request: method, path (raw), rawQuery, query (deepObject
 *                                parsed), headers (lower-case), body (JSON or text), at. clearRequests().
 *   setLatency(ms), setRateLimit(perSecond | undefined, { kind, announce, windowSeconds }?)
 *   store   insert(resource, record, scope?) / insertMany / list / get / patch / remove / count / clear
 *           scope = { consumerId?, serviceId?, objectId? (custom-objects), listId? (list-members) };
 *           defaults: first consumer and its first connection. insert keeps given ids and timestamps.
 *   faults  one-shot or N-times, optionally matched by { method, path (raw path string or RegExp) }:
 *           rateLimit({ retryAfterSeconds, downstreamResetSeconds, typeName }), serverError({ status }),
 *           slow({ ms }), malformedJson(), hangUp(), repeatCursor(), invalidCursor(),
 *           error({ status, typeName, message, detail, fields }), redirect({ status, location }),
 *           trickle({ everyMs }) (the answer's body one byte at a time; the request's record gets
 *           trickle: { sent, total, closed, clientLeft }), answer({ respond: (req) => response });
 *           `processed: true` (serverError, malformedJson, hangUp) performs the request before
 *           breaking the response. pending(), clear().
 *   webhooks subscriptions(), deliver(event, { tamper, omitSignature, wrongKey, idempotencyKey,
 *           encoding, rawBody, webhookId, headers }) → [{ webhookId, url, status, body, error? }],
 *           buildDelivery(event, opts) → { body, headers } (no request), sign(body, key?, encoding?),
 *           forceValidation('real' | 'pass' | 'fail'), validations[], deliveries[], autoEmit, settle(),
 *           clear().
 *   close()
 *
 * HTTP behaviour
 *   /crm/* and /vault/*: Authorization: Bearer <apiKey>, x-apideck-app-id and a known
 *   x-apideck-consumer-id, else 401 UnauthorizedError. /webhook/*: key and app id only.
 *   x-apideck-service-id must be a connection of the consumer (else 404 ConnectionNotFoundError);
 *   absent = the consumer's first connection. Data is kept per consumer + connection.
 *   Every response carries x-apideck-request-id. Errors: { status_code, error, type_name, message,
 *   detail, ref }.
 *   CRM: all 53 operations of crm.yml. Create → 201 { ..., operation: 'add', data: { id } };
 *   update/delete → data: { id }; unknown id → 404 EntityNotFoundError; read-only fields in a body
 *   are ignored; PATCH is a shallow merge; missing required fields (on PATCH too, as the spec's
 *   update bodies keep them) → 400 RequestValidationError (detail.missing); an invalid emails[i].email on create or update → 400 RequestValidationError
 *   "Invalid Params" with detail.invalid naming each field (see validate.cts).
 *   Lists and list members are read-only (seed them with store.insert). Custom objects need an
 *   existing custom object schema id as {object_id}.
 *   Lists: cursor (opaque, per sandbox and list) + limit 1..200 (default 20) → 400
 *   RequestValidationError outside; meta { items_on_page, cursors { previous, current, next } },
 *   links. Bad cursor → 400 InvalidCursorError. filter[...] / sort[by|direction] per the spec's
 *   *Filter / *Sort schemas (→ 400 UnsupportedFiltersError / UnsupportedSortFieldError),
 *   pass_through[...] ignored, fields=a,b (plus id), raw=true adds _raw.
 *   Filters: email matches any emails[].email, phone_number compares digits, name/title/status/
 *   type compare case-insensitively, *_id exactly, *_since compares timestamps.
 *   Vault: GET /vault/connections[?api=crm], GET /vault/connections/crm/{service},
 *   GET /vault/connections/crm/{service}/{resource}/custom-fields (different fields per connector).
 *   Webhooks: POST / GET (paged) /webhook/webhooks, GET / PATCH / DELETE /webhook/webhooks/{id}.
 *   Create needs unified_api, status, delivery_url and events ('*', CRM event types for 'crm',
 *   '<api>.…' for any other unified API). Only CRM subscriptions receive deliveries; the others
 *   exist so that a CRM trigger can be shown to leave them alone.
 *   Creating an enabled subscription (or changing its URL / re-enabling it) POSTs a signed
 *   validation request to the URL: body {"message":"Validating delivery URL"}, header
 *   x-apideck-event-type: apideck.subscription.created, no idempotency key. A non-2xx answer (or
 *   no answer) stores it with status 'disabled', disabled_reason 'delivery_url_validation_failed'.
 *   Deliveries: body { payload: { event_type, unified_api, service_id, consumer_id, event_id,
 *   entity_id, entity_url, entity_type, occurred_at, execution_attempt } } sent in that key order;
 *   headers content-type, x-apideck-event-type, x-apideck-idempotency-key (= event_id by default)
 *   and x-apideck-signature = HMAC-SHA256(apiKey, body JSON with keys sorted recursively) in hex
 *   (or base64). Receivers must re-sort the parsed body before hashing, as with Apideck.
 *   Rate limit: beyond perSecond in a sliding second (or, kind 'spaced', sooner than 1/perSecond s
 *   after the last accepted request) → 429 RequestLimitError with Retry-After; with announce, every
 *   accepted answer carries x-downstream-ratelimit-limit / -remaining / -reset (Unix seconds).
 */
import { randomBytes } from 'node:crypto';
import { Cursors } from '../http/cursors.cjs';
import { RateLimiter } from '../http/rate-limit.cjs';
import { startHost, type HostControls } from '../http/host.cjs';
import { apideckErrors, apideckFaults, type ApideckFaults } from './faults.cjs';
import { route } from './router.cjs';
import { seedAll } from './seed.cjs';
import { CrmStore } from './store.cjs';
import type { SandboxOptions } from './types.cjs';
import { Webhooks } from './webhooks.cjs';

export type { RecordedRequest, SandboxOptions } from './types.cjs';
export type { CrmEvent, DeliverOptions, DeliveryResult, Webhook } from './webhooks.cjs';
export { canonicalJson, signBody } from './signature.cjs';

export const DEFAULT_CONSUMERS: Record<string, string[]> = {
	'test-consumer': ['salesforce', 'hubspot'],
	'other-consumer': ['pipedrive'],
};

export interface Sandbox extends HostControls {
	apiKey: string;
	appId: string;
	consumers: Record<string, string[]>;
	store: CrmStore;
	faults: ApideckFaults;
	webhooks: Webhooks;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const apiKey = options.apiKey ?? 'sandbox-api-key';
	const appId = options.appId ?? 'sandbox-app';
	const consumers = structuredClone(options.consumers ?? DEFAULT_CONSUMERS);
	const store = new CrmStore(consumers);
	const faults = apideckFaults();
	const cursors = new Cursors(randomBytes(6).toString('hex'));
	const limiter = new RateLimiter(options.rateLimit?.perSecond, 1000, options.rateLimit);
	let url = '';

	const defaultConnection = () => {
		const consumerId = Object.keys(consumers)[0] ?? '';
		return { consumerId, serviceId: consumers[consumerId]?.[0] ?? '' };
	};
	const webhooks = new Webhooks({
		apiKey,
		url: () => url,
		cursors,
		encoding: options.signatureEncoding ?? 'hex',
		validationTimeoutMs: options.validationTimeoutMs ?? 5000,
		defaultConnection,
	});
	webhooks.autoEmit = options.emitEvents ?? false;

	const crm = {
		store,
		cursors,
		faults,
		url: '',
		onChange: (change: {
			entity: string;
			action: string;
			id: string;
			ctx: { consumerId: string; serviceId: string };
		}) =>
			webhooks.emit({
				event_type: `crm.${change.entity}.${change.action}`,
				entity_id: change.id,
				consumer_id: change.ctx.consumerId,
				service_id: change.ctx.serviceId,
			}),
	};
	const deps = { auth: { apiKey, appId, consumers }, crm, webhooks };
	const host = await startHost({
		port: options.port,
		latencyMs: options.latencyMs,
		limiter,
		faults,
		shaper: apideckErrors,
		route: (req) => route(deps, req),
		beforeClose: () => webhooks.settle(),
	});
	url = host.url;
	crm.url = url;
	if (options.seed) seedAll(store, consumers);
	return { ...host, apiKey, appId, consumers, store, faults, webhooks };
}
