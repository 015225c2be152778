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

const isIdempotent = (method: string) => IDEMPOTENT.has(method.toUpperCase());

/**
 * 429 means the request was not processed, so it is safe to send again whatever the method;
 * a 5xx or a lost connection may hide a write that happened, so only idempotent calls retry.
 */
export function isRetryable(method: string, statusCode?: number): boolean {
	if (statusCode === 429) return true;
	if (!isIdempotent(method)) return false;
	return statusCode === undefined || statusCode >= 500;
}

/** A write that failed without a clear refusal (5xx, lost answer) may still have been applied. */
export const mayHaveHappened = (method: string, statusCode?: number) =>
	!isIdempotent(method) && (statusCode === undefined || statusCode >= 500);

export function backoffMs(policy: RetryPolicy, attempt: number, random = Math.random()): number {
	const exponential = policy.baseDelayMs * 2 ** (attempt - 1);
	return Math.min(policy.maxDelayMs, Math.round(exponential * (0.75 + random * 0.5)));
}
