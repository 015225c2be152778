import { createHmac, timingSafeEqual } from 'crypto';

const DIGEST_BYTES = 32;

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

// Apideck's docs do not say how the digest is encoded, so both hex and base64 are accepted.
function decodeDigest(signature: string): Buffer | undefined {
	const text = signature.trim().replace(/^sha256=/i, '');
	if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, 'hex');
	if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
		const digest = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
		return digest.length === DIGEST_BYTES ? digest : undefined;
	}
	return undefined;
}

/**
 * True when `signature` is the HMAC-SHA256 of the canonical JSON of `parsedBody`, keyed with
 * the API key. The comparison takes the same time wherever the digests differ.
 */
export function isValidSignature(
	parsedBody: unknown,
	signature: string | undefined,
	apiKey: string,
): boolean {
	if (!signature || !apiKey) return false;
	const provided = decodeDigest(signature);
	if (!provided) return false;
	let canonical: string;
	try {
		canonical = canonicalJson(parsedBody);
	} catch {
		// Nesting too deep to walk: no genuine Apideck event looks like that.
		return false;
	}
	const expected = createHmac('sha256', apiKey).update(canonical).digest();
	return timingSafeEqual(provided, expected);
}
