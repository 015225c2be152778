import type { ApiRequest, Backend, FailedResponse } from './types';

/** An attempt whose outcome nobody knows: no answer at all, or a 5xx that may hide work done. */
export const outcomeUnknown = (statusCode?: number): boolean =>
	statusCode === undefined || statusCode >= 500;

/**
 * Whether a failed answer, coming after an attempt whose outcome is unknown, means that earlier
 * attempt did the work — as the request declares: a DELETE that now gets "not found".
 */
export function doneByEarlierAttempt<Request extends ApiRequest>(
	backend: Backend<Request>,
	request: Request,
	response: FailedResponse,
): boolean {
	if (request.notFoundAfterUncertainAttempt !== 'success') return false;
	return backend.recordMissing ? backend.recordMissing(response) : response.statusCode === 404;
}
