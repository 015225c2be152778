import { createHmac } from 'node:crypto';

/**
 * Truto's X-Truto-Signature value: `format=sha256,v=<digest>`, the HMAC-SHA256 of the raw body
 * bytes keyed with the webhook's secret. Hex per Truto's notes; base64 as some receivers expect.
 */
export function trutoSignature(
	rawBody: string,
	secret: string,
	encoding: 'hex' | 'base64' = 'hex',
): string {
	return `format=sha256,v=${createHmac('sha256', secret).update(rawBody).digest(encoding)}`;
}
