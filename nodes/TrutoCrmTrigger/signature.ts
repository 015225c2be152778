import { decodeDigest, isHmacOf } from '../shared/trigger';

/** More digests than this in one header is not a Truto signature. */
const MAX_DIGESTS = 5;

/**
 * The digests of an `x-truto-signature: format=sha256,v=<digest>` header. Truto's docs show
 * one `v`; several are read (any may match), as signing schemes of this form use them while a
 * secret is rotated. A `format` other than sha256 yields none.
 */
export function signatureDigests(header: string | undefined): Array<Buffer | undefined> {
	if (!header || header.length > 1000) return [];
	const digests: Array<Buffer | undefined> = [];
	for (const part of header.split(',')) {
		const at = part.indexOf('=');
		if (at < 0) continue;
		const name = part.slice(0, at).trim().toLowerCase();
		const value = part.slice(at + 1).trim();
		if (name === 'format' && value.toLowerCase() !== 'sha256') return [];
		if (name === 'v') digests.push(decodeDigest(value));
	}
	return digests.length > MAX_DIGESTS ? [] : digests;
}

/**
 * True when the header carries the HMAC-SHA256 of the body's exact bytes keyed with the
 * webhook's secret, as hex or base64 (Truto's sources disagree on which).
 */
export function isTrutoSignature(
	header: string | undefined,
	body: string | Buffer,
	secret: string,
): boolean {
	return isHmacOf(signatureDigests(header), body, secret);
}
