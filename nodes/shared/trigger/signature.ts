import { createHmac, timingSafeEqual } from 'crypto';

const DIGEST_BYTES = 32;

/**
 * The bytes of an HMAC-SHA256 digest written as hex (either case), base64 or base64url;
 * undefined for anything else, a digest of another length included.
 */
export function decodeDigest(text: string): Buffer | undefined {
	if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, 'hex');
	if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
		const digest = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
		return digest.length === DIGEST_BYTES ? digest : undefined;
	}
	return undefined;
}

/**
 * True when one of the `provided` digests is the HMAC-SHA256 of `content` keyed with `secret`.
 * Each comparison takes the same time wherever the digests differ; an empty secret never matches.
 */
export function isHmacOf(
	provided: ReadonlyArray<Buffer | undefined>,
	content: string | Buffer,
	secret: string,
): boolean {
	if (!secret) return false;
	const expected = createHmac('sha256', secret).update(content).digest();
	let matched = false;
	for (const digest of provided) {
		if (digest?.length === DIGEST_BYTES && timingSafeEqual(digest, expected)) matched = true;
	}
	return matched;
}
