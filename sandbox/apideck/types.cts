// Shapes of the Apideck sandbox; the HTTP ones are shared with the other backends (../http).

export type { JsonObject, RecordedRequest, SandboxResponse } from '../http/types.cjs';

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
