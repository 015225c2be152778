export { apideckSettings, CREDENTIAL_NAME, DEFAULT_BASE_URL } from './credentials';
export type { ApideckSettings } from './credentials';
export { apideckList, apideckPages, MAX_PAGE_SIZE } from './pagination';
export { apiPath } from './path';
export { encodeQuery } from './query';
export { apideckRequest } from './request';
export { DEFAULT_RETRY_POLICY } from './retry';
export type { RetryPolicy } from './retry';
export type { ApideckFunctions, ApideckListEnvelope, ApideckRequest } from './types';
