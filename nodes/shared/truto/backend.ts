import type { IDataObject } from 'n8n-workflow';

import type { ApiRequest, Backend } from '../core';
import { asText, headerValue, readRateLimitHeaders, retryAfterMs } from '../core';
import { CREDENTIAL_NAME } from './credential';
import { describeTrutoFailure, isBlockedAccount } from './errors';
import { trutoSettings } from './settings';

export interface TrutoRequest extends ApiRequest {
	/**
	 * The integrated account (one customer's CRM connection) of a unified call (`/unified/…`);
	 * empty means the credential's default.
	 */
	integratedAccountId?: string;
}

// Truto documents no maximum page size; CRMs commonly cap pages at 100, and the cursor is
// followed whatever a page holds.
const MAX_PAGE_SIZE = 100;

/**
 * Wait asked by Retry-After, else by the rate-limit window Truto reports once it is used up
 * (ratelimit-remaining 0): ratelimit-reset in seconds, or as an epoch timestamp in seconds.
 */
function waitMs(headers: IDataObject, now: number): number | undefined {
	const asked = retryAfterMs(headers, now);
	if (asked !== undefined) return asked;
	if (headerValue(headers, 'ratelimit-remaining') !== '0') return undefined;
	const reset = Number(headerValue(headers, 'ratelimit-reset'));
	if (!Number.isFinite(reset) || reset < 0) return undefined;
	return Math.max(0, reset > 1e9 ? reset * 1000 - now : reset * 1000);
}

/** A list answer is `{ result: [...], next_cursor }`; anything else is said, not taken as empty. */
function records(page: IDataObject): IDataObject[] {
	if (Array.isArray(page.result)) return page.result as IDataObject[];
	const keys = Object.keys(page).slice(0, 8).join(', ') || 'none';
	throw new Error(
		`Truto answered a list without a "result" array (keys: ${keys}). This node reads lists as { result: [...], next_cursor }; if Truto changed that, report it with this message.`,
	);
}

function nextCursor(page: IDataObject): string | undefined {
	const next = page.next_cursor;
	return next === undefined || next === null || next === '' ? undefined : asText(next);
}

/** A call of the unified API, which runs against an integrated account (not the admin API). */
const isUnified = (request: TrutoRequest) => request.path.startsWith('/unified/');

/** Truto's unified API (and its admin API) as a backend of the core. */
export const truto: Backend<TrutoRequest> = {
	name: 'Truto',
	credentialName: CREDENTIAL_NAME,
	async connection(ctx) {
		const settings = await trutoSettings(ctx);
		return { baseUrl: settings.baseUrl, secret: settings.apiToken };
	},
	waitMs,
	rateLimit: (headers, now) => readRateLimitHeaders(headers, 'ratelimit-', now),
	// 503 means a blocked integrated account only on unified calls; elsewhere Truto is failing.
	describeFailure: (response, request) => describeTrutoFailure(response, isUnified(request)),
	isFinal: (response, request) => isUnified(request) && isBlockedAccount(response),
	// Only the CRM's own 404 says the record is gone; Truto's own is about the account or path.
	recordMissing: (response) =>
		response.statusCode === 404 &&
		(response.body as { truto_is_remote_error?: unknown } | undefined)?.truto_is_remote_error ===
			true,
	// Truto reads arrays with empty brackets: truto_exclude_fields[]=a&truto_exclude_fields[]=b.
	queryArrays: 'brackets',
	list: {
		maxPageSize: MAX_PAGE_SIZE,
		pageQuery: (cursor, size) => ({ next_cursor: cursor, limit: size }),
		records,
		nextCursor,
	},
};
