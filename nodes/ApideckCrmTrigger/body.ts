import type { IWebhookFunctions } from 'n8n-workflow';

/** CRM events are well under a kilobyte; a body anywhere near this size is not one. */
export const MAX_BODY_BYTES = 256 * 1024;

export type Body =
	/** The parsed JSON and its text as received ('' when n8n kept no raw copy). */
	{ kind: 'json'; value: unknown; text: string } | { kind: 'tooLarge' } | { kind: 'notJson' };

function declaredLength(ctx: IWebhookFunctions): number {
	const value = ctx.getHeaderData()['content-length'];
	return Number(Array.isArray(value) ? value[0] : value);
}

/**
 * The body exactly as it arrived. n8n reads it into `rawBody` before calling webhook() for
 * JSON, text and form bodies; the signature is checked against that, not against n8n's parse.
 * Its size is checked first (the declared length, then the bytes themselves, for bodies sent
 * without one), so an oversized body costs no parsing, canonicalising or hashing.
 */
export async function readBody(ctx: IWebhookFunctions): Promise<Body> {
	if (declaredLength(ctx) > MAX_BODY_BYTES) return { kind: 'tooLarge' };
	const request = ctx.getRequestObject();
	if (!request.rawBody && typeof request.readRawBody === 'function') {
		try {
			await request.readRawBody();
		} catch {
			return { kind: 'notJson' };
		}
	}
	const raw = request.rawBody;
	if (raw === undefined || raw === null) return { kind: 'json', value: request.body, text: '' };
	if (raw.length > MAX_BODY_BYTES) return { kind: 'tooLarge' };
	const text = raw.toString('utf8').replace(/^\uFEFF/, '');
	try {
		return { kind: 'json', value: JSON.parse(text), text };
	} catch {
		return { kind: 'notJson' };
	}
}
