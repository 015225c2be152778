export {
	checkBaseUrl,
	credentialProblem,
	redirectRules,
	responseCodeRules,
	secretProblem,
} from './connection';
export { asNodeError, asText, unreadableBodyLine } from './errors';
export { headerValue, retryAfterMs } from './headers';
export { readRateLimitHeaders } from './rate-headers';
export type { RateLimitReading } from './rate-headers';
export { MAX_CONCURRENCY } from './pacing-concurrency';
export { itemTurn, paceAdaptively, paceFixed } from './pacing';
export { fetchList, fetchPage, fetchPages } from './paging';
export type { ListRequest, Page, PagedRequest } from './paging';
export { apiPath } from './path';
export { encodeQuery } from './query';
export { sendRequest } from './request';
export type { RetryPolicy } from './retry';
export { credentialSettings } from './settings';
export type { ApiFunctions, ApiRequest, Backend, FailedResponse, FailureReport } from './types';
