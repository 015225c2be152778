import type { SandboxResponse } from './types.cjs';

/**
 * How one backend words the errors the shared server and fault queue produce. The type
 * parameters are that backend's extra options of the rateLimit, serverError and error faults.
 */
export interface ErrorShaper<RateLimit = object, ServerError = object, Custom = object> {
	/** A header carrying a fresh id on every response, when the backend has one. */
	requestIdHeader?: string;
	/** The rateLimit fault: a 429 as the backend (or the CRM behind it) sends it. */
	rateLimited(options: RateLimit): SandboxResponse;
	/** The sandbox's own rate limiter refused the request. */
	limitExceeded(info: {
		limit: number;
		windowMs: number;
		retryAfterSeconds: number;
	}): SandboxResponse;
	/** Rate-limit headers of an accepted request, when the limiter announces them. */
	limitHeaders?(info: {
		limit: number;
		remaining: number;
		resetSeconds: number;
	}): Record<string, string>;
	serverError(status: number, options: ServerError): SandboxResponse;
	invalidCursor(detail: string): SandboxResponse;
	/** A 200 body cut off mid-way (the malformedJson fault). */
	malformedBody: string;
	/** The sandbox itself threw: a 500 that says so. */
	unexpected(detail: string): SandboxResponse;
	/** The error fault: any error response built from the backend's own options. */
	error(options: Custom): SandboxResponse;
}
