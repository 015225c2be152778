import type { IDataObject } from 'n8n-workflow';

import { headerValue } from './headers';

/** What an answer's rate-limit headers said about the current window. */
export interface RateLimitReading {
	/** Requests the window allows. */
	limit?: number;
	/** Requests left in the window. */
	remaining?: number;
	/** Milliseconds until the window starts again. */
	resetMs?: number;
}

const count = (text: string | undefined) => {
	const value = Number(text);
	return text !== undefined && text !== '' && Number.isFinite(value) && value >= 0
		? value
		: undefined;
};

/**
 * Reads `<prefix>limit`, `<prefix>remaining` and `<prefix>reset` (seconds until the reset, or
 * the reset time as Unix seconds). Backends name the prefix; the core decides what to do.
 */
export function readRateLimitHeaders(
	headers: IDataObject,
	prefix: string,
	now: number,
): RateLimitReading | undefined {
	const limit = count(headerValue(headers, `${prefix}limit`));
	const remaining = count(headerValue(headers, `${prefix}remaining`));
	const reset = count(headerValue(headers, `${prefix}reset`));
	if (limit === undefined && remaining === undefined && reset === undefined) return undefined;
	const resetMs =
		reset === undefined ? undefined : Math.max(0, reset > 1e9 ? reset * 1000 - now : reset * 1000);
	return { limit, remaining, resetMs };
}
