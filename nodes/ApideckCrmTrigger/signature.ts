import { decodeDigest, isHmacOf } from '../shared/trigger';

function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value !== null && typeof value === 'object') {
		// No prototype, so a "__proto__" key in the body stays an ordinary key.
		const sorted: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
		for (const key of Object.keys(value).sort()) {
			sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
		}
		return sorted;
	}
	return value;
}

/** The text Apideck signs: the JSON with object keys sorted at every depth, arrays in order. */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(sortKeys(value));
}

/**
 * True when `signature` is the HMAC-SHA256 of the canonical JSON of `parsedBody`, keyed with
 * the API key. Apideck's docs do not say how the digest is encoded, so hex and base64 are both
 * accepted, with or without a "sha256=" prefix.
 */
export function isValidSignature(
	parsedBody: unknown,
	signature: string | undefined,
	apiKey: string,
): boolean {
	if (!signature || !apiKey) return false;
	const provided = decodeDigest(signature.trim().replace(/^sha256=/i, ''));
	if (!provided) return false;
	let canonical: string;
	try {
		canonical = canonicalJson(parsedBody);
	} catch {
		// Nesting too deep to walk: no genuine Apideck event looks like that.
		return false;
	}
	return isHmacOf([provided], canonical, apiKey);
}
