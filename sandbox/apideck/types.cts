// Shared shapes of the sandbox. Records are plain JSON objects.

export type JsonObject = Record<string, unknown>;

export interface RecordedRequest {
	method: string;
	/** Raw path as received, still percent-encoded, without the query string. */
	path: string;
	/** Raw query string without the leading '?' ('' when absent). */
	rawQuery: string;
	/** Parsed query; deepObject keys become nested objects: filter[email]=x → { filter: { email: 'x' } }. */
	query: JsonObject;
	/** Request headers with lower-case names. */
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON body, the raw text when it is not JSON, or undefined when empty. */
	body: unknown;
	/** Epoch milliseconds when the request arrived. */
	at: number;
}

export interface SandboxResponse {
	status: number;
	headers?: Record<string, string>;
	/** Object bodies are sent as JSON; strings are sent as they are. */
	body?: unknown;
}

/** Who is calling, resolved from the Apideck headers. */
export interface CallContext {
	consumerId: string;
	serviceId: string;
}

export interface SandboxOptions {
	apiKey?: string;
	appId?: string;
	/** consumerId → connected service IDs (the first one is the default connection). */
	consumers?: Record<string, string[]>;
	/** Seed a few records per resource for every consumer connection. */
	seed?: boolean;
	/** Fixed port; 0 or absent picks a free one. */
	port?: number;
	/** Delay added to every response. */
	latencyMs?: number;
	/** Requests accepted per sliding second; beyond it 429 RequestLimitError with Retry-After. */
	rateLimit?: { perSecond: number };
	/** Digest encoding of x-apideck-signature. */
	signatureEncoding?: 'hex' | 'base64';
	/** Deliver CRM webhook events when records change through the HTTP API (default false). */
	emitEvents?: boolean;
	/** Timeout of the validation POST made when a subscription is created (default 5000 ms). */
	validationTimeoutMs?: number;
}
