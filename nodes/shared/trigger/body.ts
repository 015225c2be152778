import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { refuse } from './respond';

export type Body =
	/**
	 * The parsed JSON, its text as received ('' when n8n kept no raw copy) and its bytes
	 * (undefined then).
	 */
	| { kind: 'json'; value: unknown; text: string; raw?: Buffer }
	| { kind: 'tooLarge' }
	| { kind: 'notJson' };

function declaredLength(ctx: IWebhookFunctions): number {
	const value = ctx.getHeaderData()['content-length'];
	return Number(Array.isArray(value) ? value[0] : value);
}

/**
 * The body exactly as it arrived. n8n reads it into `rawBody` before calling webhook() for
 * JSON, text and form bodies; signatures are checked against that, not against n8n's parse.
 * Its size is checked first (the declared length, then the bytes themselves, for bodies sent
 * without one), so an oversized body costs no parsing, canonicalising or hashing.
 */
export async function readBody(ctx: IWebhookFunctions, maxBytes: number): Promise<Body> {
	if (declaredLength(ctx) > maxBytes) return { kind: 'tooLarge' };
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
	if (raw.length > maxBytes) return { kind: 'tooLarge' };
	const text = raw.toString('utf8').replace(/^\uFEFF/, '');
	try {
		return { kind: 'json', value: JSON.parse(text), text, raw };
	} catch {
		return { kind: 'notJson' };
	}
}

/** The answer to a body that is not read any further: 413 when too large, else 400. */
export function refuseBody(
	ctx: IWebhookFunctions,
	body: Exclude<Body, { kind: 'json' }>,
	maxBytes: number,
	eventName: string,
): IWebhookResponseData {
	if (body.kind === 'tooLarge') {
		return refuse(ctx, 413, {
			message: `The body is larger than ${maxBytes / 1024} KB, which no ${eventName} is`,
		});
	}
	return refuse(ctx, 400, { message: 'The body is not valid JSON' });
}
