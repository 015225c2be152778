// Shapes of the Truto sandbox; the HTTP ones are shared with the other backends (../http).
import type { JsonObject } from '../http/types.cjs';
import type { AccountSeed } from './accounts.cjs';
import type { RecordPayloadShape } from './webhooks.cjs';

export type { JsonObject, RecordedRequest, SandboxResponse } from '../http/types.cjs';

/** The integrated account a unified call runs against. */
export interface CallContext {
	accountId: string;
	/** The CRM's slug, e.g. hubspot. */
	integration: string;
}

/** What a change made through the API tells the webhooks (record:created|updated|deleted). */
export interface RecordChange {
	action: 'created' | 'updated' | 'deleted';
	resource: string;
	/** The unified record as the API answered it; { id } for deletions. */
	record: JsonObject;
	ctx: CallContext;
}

export interface TrutoSandboxOptions {
	/** The API token (one environment per token). */
	token?: string;
	environmentId?: string;
	/** Integrated accounts of the environment; the first one is the default. */
	accounts?: AccountSeed[];
	/** Seed a few records per resource for every integrated account. */
	seed?: boolean;
	/** Fixed port; 0 or absent picks a free one. */
	port?: number;
	/** Delay added to every response. */
	latencyMs?: number;
	/** Requests accepted per sliding window (default window 1 s); beyond it 429 with Retry-After. */
	rateLimit?: { perSecond: number } | { limit: number; windowSeconds: number };
	/** Status of an unknown integrated_account_id (the reference assumes 400; 404 is possible). */
	unknownAccountStatus?: 400 | 404;
	/** Success status of creates, unified and webhook (not documented: 201 assumed). */
	createStatus?: 200 | 201;
	/** Unknown body fields and query parameters: rejected with 400 (default) or ignored. */
	unknownFields?: 'reject' | 'ignore';
	/** Default page size of lists when limit is absent (default 20). */
	defaultLimit?: number;
	/** Method metadata for every account unless the account says otherwise (default 'available'). */
	meta?: 'available' | 404 | 501;
	/** Digest encoding of x-truto-signature (the reference disputes hex vs base64). */
	signatureEncoding?: 'hex' | 'base64';
	/** Name of the event type attribute of deliveries: 'event' (envelope example) or 'event_type'. */
	eventField?: 'event' | 'event_type';
	/** Deliver record:* events when records change through the API (default false). */
	emitEvents?: boolean;
	/** Payload of record:* events: the reference's inferred shape, ids only, or your own. */
	recordPayload?: RecordPayloadShape;
	/** Reject webhook target URLs that are not https (Truto does; off by default for local tests). */
	httpsOnly?: boolean;
	/** Timeout of each delivery POST (default 5000 ms). */
	deliveryTimeoutMs?: number;
	/** Extra attempts after a failed delivery (Truto makes 3; default 0 keeps tests quick). */
	deliveryRetries?: number;
	/** Wait before the first retry, doubled each time (default 100 ms). */
	retryBackoffMs?: number;
	/** Deactivate a webhook after this many failed deliveries in a row (default never). */
	deactivateAfterFailures?: number;
}
