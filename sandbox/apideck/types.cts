// Shapes of the Apideck sandbox; the HTTP ones are shared with the other backends (../http).
import type { RateLimitSettings } from '../http/rate-limit.cjs';

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
	/**
	 * Requests accepted per sliding second (kind 'spaced': no burst, each 1/perSecond s after the
	 * last); beyond it 429 RequestLimitError with Retry-After. announce: successful answers carry
	 * x-downstream-ratelimit-limit / -remaining / -reset.
	 */
	rateLimit?: { perSecond: number } & RateLimitSettings;
	/** Digest encoding of x-apideck-signature. */
	signatureEncoding?: 'hex' | 'base64';
	/** Deliver CRM webhook events when records change through the HTTP API (default false). */
	emitEvents?: boolean;
	/** Timeout of the validation POST made when a subscription is created (default 5000 ms). */
	validationTimeoutMs?: number;
}
