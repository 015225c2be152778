import type { IDataObject } from 'n8n-workflow';

/** A response header as text (the first one when it came several times). */
export function headerValue(headers: IDataObject, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);
}

/** Milliseconds a Retry-After header asks for, in seconds or as an HTTP date. */
export function retryAfterMs(headers: IDataObject, now: number): number | undefined {
	const retryAfter = headerValue(headers, 'retry-after');
	if (retryAfter === undefined || retryAfter === '') return undefined;
	const seconds = Number(retryAfter);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(retryAfter);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
