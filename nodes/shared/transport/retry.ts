import type { IDataObject } from 'n8n-workflow';

export interface RetryPolicy {
	maxAttempts: number;
	/** Total time all waits of one request may add up to. */
	maxTotalWaitMs: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 5,
	maxTotalWaitMs: 60_000,
	baseDelayMs: 500,
	maxDelayMs: 15_000,
};

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']);

export const isIdempotent = (method: string) => IDEMPOTENT.has(method.toUpperCase());

/**
 * 429 means the request was not processed, so it is safe to send again whatever the method;
 * a 5xx or a lost connection may hide a write that happened, so only idempotent calls retry.
 */
export function isRetryable(method: string, statusCode?: number): boolean {
	if (statusCode === 429) return true;
	if (!isIdempotent(method)) return false;
	return statusCode === undefined || statusCode >= 500;
}

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** Milliseconds the server asked us to wait, from Retry-After or Apideck's downstream reset header. */
export function requestedWaitMs(headers: IDataObject, now = Date.now()): number | undefined {
	const retryAfter = first(headers['retry-after']);
	if (retryAfter !== undefined && retryAfter !== '') {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
		const date = Date.parse(String(retryAfter));
		if (!Number.isNaN(date)) return Math.max(0, date - now);
	}
	const reset = Number(first(headers['x-downstream-ratelimit-reset']));
	if (Number.isFinite(reset) && reset > 0) {
		// Either seconds until the window resets or an epoch timestamp in seconds.
		return Math.max(0, reset > 1e9 ? reset * 1000 - now : reset * 1000);
	}
	return undefined;
}

export function backoffMs(policy: RetryPolicy, attempt: number, random = Math.random()): number {
	const exponential = policy.baseDelayMs * 2 ** (attempt - 1);
	return Math.min(policy.maxDelayMs, Math.round(exponential * (0.75 + random * 0.5)));
}
