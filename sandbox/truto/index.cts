/**
 * Local Truto sandbox: a real HTTP server on 127.0.0.1 that behaves like Truto's unified CRM API,
 * its integrated-account listing and its webhook API, for tests, benchmarks and the demo.
 * Dev-only; Node built-ins only. Start it on its own with `npm run sandbox -- --truto` (../cli.cts).
 * The recording server, latency, rate limiter and fault queue are shared (../http); faults.cts
 * words their errors the Truto way. Facts come from ../shared/truto (crm.yml through
 * generated/schema.cts, webhook.yml, README.md); where Truto's docs leave a choice open the
 * options below select it.
 *
 *   const truto = await startTrutoSandbox({ seed: true });
 *   // credential: truto.url, truto.token; integrated account: truto.accounts.id('hubspot')
 *   await truto.close();
 *
 * startTrutoSandbox(options?)                                → Promise<TrutoSandbox>
 *   token = 'truto-sandbox-token', environmentId, accounts (AccountSeed[], default below), seed,
 *   port (0 = random), latencyMs, rateLimit: { perSecond } | { limit, windowSeconds },
 *   unknownAccountStatus: 400 | 404 (400), createStatus: 200 | 201 (201), unknownFields:
 *   'reject' | 'ignore' ('reject'), defaultLimit (20), meta: 'available' | 404 | 501,
 *   signatureEncoding: 'hex' | 'base64' ('hex'), eventField: 'event' | 'event_type' ('event'),
 *   emitEvents, recordPayload: 'inferred' | 'idOnly' | (change) => payload, httpsOnly,
 *   deliveryTimeoutMs (5000), deliveryRetries (0), retryBackoffMs (100), deactivateAfterFailures.
 *
 * Default integrated accounts (key → CRM): hubspot (the default), salesforce, pipedrive,
 * blocked (zohocrm, 503), expired (close, status needs_reauth, remote 401), readOnly (hubspot,
 * is_sandbox: writes 405).
 *
 * TrutoSandbox
 *   url, port, token, environmentId
 *   accounts  id(key | id), get(key | id), all(), add(seed), set(key | id, { blocked,
 *             credentialsExpired, isSandbox, meta: 'available' | 404 | 501, status }), defaultId()
 *   requests: RecordedRequest[] (method, raw path, rawQuery, parsed query, headers, body, at);
 *             clearRequests(). setLatency(ms), setRateLimit(perSecond | undefined).
 *   store     insert(resource, record, account?) / insertMany / list / get / patch / remove /
 *             count / clear / newId; resource = the path name (engagement_types); account = an
 *             id or key, default the first. insert keeps given ids and timestamps.
 *   faults    as the Apideck sandbox's (times, method, path; processed: true): rateLimit({
 *             retryAfterSeconds, remote (true), limit, resetSeconds, rawResponse }),
 *             serverError({ status, remote }), slow({ ms }), malformedJson(), hangUp(),
 *             repeatCursor(), invalidCursor(), error({ status, message, remote, rawResponse,
 *             insight, details, headers, fields }). pending(), clear().
 *   webhooks  subscriptions(), secretOf(id), deliver(event, { tamper, omitSignature, wrongSecret,
 *             encoding, rawBody, headers, eventField, webhookId }) → [{ webhookId, url, status,
 *             body, error?, event, eventId, attempts }], buildDelivery(event, opts + secret),
 *             sign(rawBody, secret, encoding?) → header value, deliveries[], autoEmit,
 *             recordPayload, eventField, payloadOf(change), settle(), clear().
 *   close()
 *
 * HTTP behaviour
 *   Every route needs Authorization: Bearer <token>, else 401. Errors: { statusCode, error,
 *   message } (+ truto_error_insight, details); errors from the CRM add truto_is_remote_error:
 *   true and raw_response in that CRM's own shape (HubSpot, Salesforce, Pipedrive differ).
 *   GET /integrated-account (limit default 10, next_cursor, tenant_id, environment_id,
 *   is_sandbox) → { result, next_cursor, limit }; GET /integrated-account/{id} (404 unknown).
 *   /unified/crm/{resource}[/{id} | /merge | /batch-delete]: every method of crm.yml for its 17
 *   resources. integrated_account_id (query) is required (400 with truto_error_insight
 *   missing_required_query_parameters); unknown → unknownAccountStatus; blocked → 503;
 *   expired credentials → remote 401; writes on an is_sandbox account → 405. Data is per account.
 *   Query parameters are checked against the method's (unknown → 400 naming it, unless
 *   unknownFields 'ignore'); bodies against its schema (closed objects, required fields such as
 *   email_addresses[].email + type, types) → 400 naming each field in message and
 *   details.failures. The CRM's own rules answer remote 422: its required fields on create
 *   (Salesforce: contacts/leads last_name, opportunities name + close_date; Pipedrive: contacts,
 *   accounts, opportunities name) and custom_fields keys that are not the name of one of the
 *   account's fields records for that entity (entity=contact, lead, account, opportunity…).
 *   null clears a field. The seeded custom fields differ per CRM (integrations.cts).
 *   Records: snake_case, id in the CRM's format, created_at, updated_at, links as { id },
 *   custom_fields, remote_data = the CRM's raw record + whatever a write passed in remote_data.
 *   Leads take converted_contact / converted_account as { id } and answer plain ids.
 *   List → { result, next_cursor (null on the last page), prev_cursor, result_count }: page size
 *   = limit (default defaultLimit) capped by the CRM (HubSpot and Pipedrive 100, Salesforce 200);
 *   next_cursor is opaque and bound to account + resource (else 400). Filters: the spec's, with
 *   created_at / updated_at / converted_at as a value or [gt|gte|lt|lte]; links as owner[id]=…;
 *   email_addresses / phone_numbers match any entry; name matches name or first + last; on
 *   accounts, contacts, leads and opportunities also search_term (HubSpot, Salesforce, Pipedrive)
 *   and sort_by[name|created_at|updated_at]=asc|desc (HubSpot, Salesforce), names a client should
 *   read from the metadata as the real ones are unknown. truto_ignore_remote_data, truto_exclude_fields[] (or a,b),
 *   truto_response_format=raw (the CRM's records), truto_key_by, truto_ignore_limit,
 *   remote_query[...] (accepted, recorded). Get / create / update answer the record (create:
 *   createStatus); delete → { id }; unknown id → remote 404. merge → { result: master } (fields
 *   listed per duplicate are copied; duplicates deleted; Zoho at most 2; Pipedrive, HubSpot,
 *   Salesforce); batch-delete → { result: [{ id, deleted }] } (HubSpot and Salesforce only;
 *   Salesforce also needs id[] in the query); other CRMs → 404 naming the method.
 *   associations (create) links existing records; the reference's key `acocunts` is accepted.
 *   A write with an Idempotency-Key header answers the first response again for a repeated key.
 *   GET /unified/crm/{resource}/meta/{method} → { method, schema, query_schema,
 *   request_body_schema, default_query, default_body, documentation_link }, each keyed by field
 *   name (JSON-Schema-like, required: true on required fields); per CRM: its unmapped fields are
 *   left out, its required fields marked, custom_fields lists its custom fields, query_schema
 *   its filters and extras. Unavailable (option meta or accounts.set) → 404 or 501.
 *   Webhooks belong to the environment: POST /webhook { target_url, event_types?, is_active? }
 *   → createStatus with the secret (only here); GET /webhook (paged, is_active, environment_id);
 *   GET / PATCH / DELETE /webhook/{id} (delete answers the webhook); POST /webhook/test { id }
 *   sends event 'test' with payload { foo: 'bar' } to it → { success }. target_url must be http(s)
 *   (https with httpsOnly); event types look like entity:action; empty = all.
 *   Deliveries: POST of { id, event (or event_type), payload, environment_id, webhook_id,
 *   created_at } with content-type application/json, user-agent truto and x-truto-signature:
 *   format=sha256,v=<HMAC-SHA256 of the raw body with the webhook's secret, hex or base64>.
 *   record:created|updated|deleted (autoEmit) carry { integrated_account_id, integration,
 *   unified_model: 'crm', resource, record } (record = { id } on delete). Active subscriptions
 *   whose event_types match get each event; a failed one is retried deliveryRetries times with
 *   the same id and signature (backoff doubling from retryBackoffMs, at most 10 s), and
 *   deactivateAfterFailures failures in a row set is_active false. deliver(…, { webhookId })
 *   reaches that subscription whatever its state.
 *   Rate limit (the sandbox's own limiter) → 429 with Retry-After and ratelimit-limit /
 *   -remaining / -reset; the rateLimit fault answers the same headers as a remote error.
 */
import { randomBytes } from 'node:crypto';
import { Cursors } from '../http/cursors.cjs';
import { RateLimiter } from '../http/rate-limit.cjs';
import { startHost, type HostControls } from '../http/host.cjs';
import type { SandboxResponse } from '../http/types.cjs';
import { Accounts, DEFAULT_ACCOUNTS } from './accounts.cjs';
import { trutoErrors, trutoFaults, type TrutoFaults } from './faults.cjs';
import { route } from './router.cjs';
import { seedAll } from './seed.cjs';
import { TrutoStore } from './store.cjs';
import type { TrutoSandboxOptions } from './types.cjs';
import { TrutoWebhooks } from './webhooks.cjs';

export type { RecordChange, RecordedRequest, TrutoSandboxOptions } from './types.cjs';
export type { AccountSeed, AccountSwitches } from './accounts.cjs';
export type { DeliverOptions, DeliveryResult, TrutoEvent, TrutoWebhook } from './webhooks.cjs';
export { DEFAULT_ACCOUNTS } from './accounts.cjs';
export { trutoSignature } from './signature.cjs';

export interface TrutoSandbox extends HostControls {
	token: string;
	environmentId: string;
	accounts: Accounts;
	store: TrutoStore;
	faults: TrutoFaults;
	webhooks: TrutoWebhooks;
}

export async function startTrutoSandbox(options: TrutoSandboxOptions = {}): Promise<TrutoSandbox> {
	const token = options.token ?? 'truto-sandbox-token';
	const environmentId = options.environmentId ?? 'e0e0e0e0-0000-4000-8000-000000000001';
	const accounts = new Accounts(environmentId, options.accounts ?? DEFAULT_ACCOUNTS);
	const store = new TrutoStore(accounts);
	const faults = trutoFaults();
	const cursors = new Cursors(randomBytes(6).toString('hex'));
	const limit = options.rateLimit;
	const limiter =
		limit && 'limit' in limit
			? new RateLimiter(limit.limit, limit.windowSeconds * 1000)
			: new RateLimiter(limit?.perSecond);
	const createStatus = options.createStatus ?? 201;

	const webhooks = new TrutoWebhooks({
		environmentId,
		encoding: options.signatureEncoding ?? 'hex',
		eventField: options.eventField ?? 'event',
		recordPayload: options.recordPayload ?? 'inferred',
		timeoutMs: options.deliveryTimeoutMs ?? 5000,
		retries: options.deliveryRetries ?? 0,
		retryBackoffMs: options.retryBackoffMs ?? 100,
		deactivateAfterFailures: options.deactivateAfterFailures,
	});
	webhooks.autoEmit = options.emitEvents ?? false;

	const deps = {
		token,
		unknownAccountStatus: options.unknownAccountStatus ?? 400,
		meta: options.meta ?? ('available' as const),
		idempotent: new Map<string, SandboxResponse>(),
		crm: {
			store,
			accounts,
			cursors,
			faults,
			options: {
				createStatus,
				rejectUnknown: (options.unknownFields ?? 'reject') === 'reject',
				defaultLimit: options.defaultLimit ?? 20,
			},
			onChange: webhooks.emit.bind(webhooks),
		},
		webhookApi: {
			hooks: webhooks,
			cursors,
			environmentId,
			createStatus,
			httpsOnly: options.httpsOnly ?? false,
		},
	};
	const host = await startHost({
		port: options.port,
		latencyMs: options.latencyMs,
		limiter,
		faults,
		shaper: trutoErrors,
		route: (req) => route(deps, req),
		beforeClose: () => webhooks.settle(),
	});
	if (options.seed) seedAll(store, accounts);
	return { ...host, token, environmentId, accounts, store, faults, webhooks };
}
