// Shapes shared by every backend of the sandbox. Records are plain JSON objects.

export type JsonObject = Record<string, unknown>;

export const isObject = (v: unknown): v is JsonObject =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

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
	/**
	 * Set for answers of the trickle fault: bytes of the body written, of how many, whether the
	 * connection has closed and whether the client left before the whole body was sent.
	 */
	trickle?: { sent: number; total: number; closed: boolean; clientLeft: boolean };
}

export interface SandboxResponse {
	status: number;
	headers?: Record<string, string>;
	/** Object bodies are sent as JSON; strings are sent as they are. */
	body?: unknown;
}

/** record[key] when it is the record's own entry; never Object.prototype's (a name like 'constructor'). */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
	return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Splits a raw path and decodes each segment on its own, so an encoded '/' stays inside its segment. */
export function segmentsOf(rawPath: string): string[] | undefined {
	try {
		return rawPath.split('/').slice(1).map(decodeURIComponent);
	} catch {
		return undefined;
	}
}

/** A header's first value, trimmed; undefined when absent or blank. */
export function header(headers: RecordedRequest['headers'], name: string): string | undefined {
	const value = headers[name];
	return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}
