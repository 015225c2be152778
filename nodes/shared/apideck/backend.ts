import type { IDataObject } from 'n8n-workflow';

import type { ApiRequest, Backend } from '../core';
import { headerValue, readRateLimitHeaders, retryAfterMs } from '../core';
import { CREDENTIAL_NAME } from './credential';
import { describeApideckFailure, isRecordMissing } from './errors';
import { apideckSettings } from './settings';

export interface ApideckRequest extends ApiRequest {
	/** Overrides the credential's consumer ID for this call. */
	consumerId?: string;
	/** Overrides the credential's service ID (connector) for this call. */
	serviceId?: string;
}

interface ApideckListEnvelope extends IDataObject {
	data: IDataObject[];
	meta?: { cursors?: { next?: string | null; current?: string | null } } & IDataObject;
}

const MAX_PAGE_SIZE = 200;

/**
 * Wait asked by Retry-After, else by Apideck's downstream reset header: seconds until the
 * CRM's window resets, or an epoch timestamp in seconds.
 */
function waitMs(headers: IDataObject, now: number): number | undefined {
	const asked = retryAfterMs(headers, now);
	if (asked !== undefined) return asked;
	const reset = Number(headerValue(headers, 'x-downstream-ratelimit-reset'));
	if (Number.isFinite(reset) && reset > 0) {
		return Math.max(0, reset > 1e9 ? reset * 1000 - now : reset * 1000);
	}
	return undefined;
}

/** The Apideck unified API as a backend of the core. */
export const apideck: Backend<ApideckRequest> = {
	name: 'Apideck',
	credentialName: CREDENTIAL_NAME,
	async connection(ctx) {
		const settings = await apideckSettings(ctx);
		return { baseUrl: settings.baseUrl, secret: settings.apiKey };
	},
	// The credential adds its consumer and service only where these are not set.
	headers(request) {
		const headers: IDataObject = {};
		if (request.consumerId) headers['x-apideck-consumer-id'] = request.consumerId;
		if (request.serviceId) headers['x-apideck-service-id'] = request.serviceId;
		return headers;
	},
	waitMs,
	// The CRM's own limit, which Apideck passes on.
	rateLimit: (headers, now) => readRateLimitHeaders(headers, 'x-downstream-ratelimit-', now),
	describeFailure: describeApideckFailure,
	recordMissing: isRecordMissing,
	list: {
		maxPageSize: MAX_PAGE_SIZE,
		pageQuery: (cursor, size) => ({ cursor, limit: size }),
		records: (page) => (page as ApideckListEnvelope).data,
		nextCursor: (page) => (page as ApideckListEnvelope).meta?.cursors?.next ?? undefined,
	},
};
