import { createHmac } from 'node:crypto';

/** JSON with object keys sorted recursively; arrays keep their order. */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const key of Object.keys(value).sort())
			out[key] = sortKeys((value as Record<string, unknown>)[key]);
		return out;
	}
	return value;
}

/**
 * Apideck's x-apideck-signature: HMAC-SHA256 keyed with the API key over the canonical JSON of
 * the body. `body` may be the parsed value or the raw JSON text.
 */
export function signBody(body: unknown, key: string, encoding: 'hex' | 'base64' = 'hex'): string {
	const value = typeof body === 'string' ? JSON.parse(body) : body;
	return createHmac('sha256', key).update(canonicalJson(value)).digest(encoding);
}
