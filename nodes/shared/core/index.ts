export { asNodeError, asText, unreadableBodyLine } from './errors';
export { headerValue, retryAfterMs } from './headers';
export { limitRequestRate } from './pacing';
export { fetchList, fetchPage, fetchPages } from './paging';
export type { ListRequest, Page, PagedRequest } from './paging';
export { apiPath } from './path';
export { encodeQuery } from './query';
export { redact } from './redact';
export { sendRequest } from './request';
export { DEFAULT_RETRY_POLICY } from './retry';
export type { RetryPolicy } from './retry';
export { credentialSettings } from './settings';
export type {
	ApiFunctions,
	ApiRequest,
	Backend,
	FailedResponse,
	FailureReport,
	ListFormat,
} from './types';
