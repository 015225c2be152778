// The Truto wording of the shared fault queue and server errors (see ../http/faults.cts).
import type { ErrorShaper } from '../http/error-shaper.cjs';
import { Faults } from '../http/faults.cjs';
import type { JsonObject } from '../http/types.cjs';
import { invalidCursor, remoteError, trutoError, type ErrorExtra } from './errors.cjs';

export type { FaultScope, FaultSpec, QueuedFault } from '../http/faults.cjs';

export interface TrutoRateLimitFault {
	/** Retry-After in seconds (default 1). */
	retryAfterSeconds?: number;
	/** true (default): the CRM's limit, forwarded as a remote error; false: Truto's own limit. */
	remote?: boolean;
	/** ratelimit-limit (default 100). */
	limit?: number;
	/** ratelimit-reset in seconds (default: retryAfterSeconds). */
	resetSeconds?: number;
	/** The CRM's answer for raw_response (remote only). */
	rawResponse?: unknown;
}

export interface TrutoServerErrorFault {
	/** The CRM failed rather than Truto (adds truto_is_remote_error and raw_response). */
	remote?: boolean;
}

/** Any Truto error: e.g. { status: 401, remote: true, rawResponse: {...} }. */
export interface TrutoErrorFault {
	status: number;
	message?: string;
	remote?: boolean;
	rawResponse?: unknown;
	insight?: ErrorExtra['insight'];
	details?: JsonObject;
	headers?: Record<string, string>;
	/** Extra body fields. */
	fields?: JsonObject;
}

export type TrutoFaults = Faults<TrutoRateLimitFault, TrutoServerErrorFault, TrutoErrorFault>;

const rateHeaders = (retryAfter: number, limit: number, reset: number) => ({
	'retry-after': String(retryAfter),
	'ratelimit-limit': String(limit),
	'ratelimit-remaining': '0',
	'ratelimit-reset': String(reset),
});

export const trutoErrors: ErrorShaper<TrutoRateLimitFault, TrutoServerErrorFault, TrutoErrorFault> =
	{
		rateLimited({ retryAfterSeconds = 1, remote = true, limit = 100, resetSeconds, rawResponse }) {
			const headers = rateHeaders(retryAfterSeconds, limit, resetSeconds ?? retryAfterSeconds);
			const insight = {
				rate_limit_error: {
					description: `Wait ${retryAfterSeconds} s (Retry-After) before the next request.`,
					value: retryAfterSeconds,
				},
			};
			return remote
				? remoteError(
						429,
						'The CRM is rate limiting requests',
						rawResponse ?? { message: 'Too many requests' },
						{ headers, insight },
					)
				: trutoError(429, 'Too many requests to Truto', { headers, insight });
		},
		limitHeaders: ({ limit, remaining, resetSeconds }) => ({
			'ratelimit-limit': String(limit),
			'ratelimit-remaining': String(remaining),
			'ratelimit-reset': String(resetSeconds),
		}),
		limitExceeded: ({ limit, windowMs, retryAfterSeconds }) =>
			trutoError(
				429,
				`This token may send ${limit} requests per ${windowMs / 1000} s; retry after ${retryAfterSeconds} s`,
				{ headers: rateHeaders(retryAfterSeconds, limit, retryAfterSeconds) },
			),
		serverError: (status, { remote }) =>
			remote
				? remoteError(status, 'The CRM failed', { message: `Injected ${status} fault` })
				: trutoError(status, `The sandbox failed on purpose (injected ${status} fault)`),
		invalidCursor,
		malformedBody: '{"result":[{"id":"1","na',
		unexpected: (detail) => trutoError(500, 'Sandbox bug', { details: { stack: detail } }),
		error: (opts) => {
			const message = opts.message ?? `Injected ${opts.status} error`;
			const extra = {
				headers: opts.headers,
				insight: opts.insight,
				details: opts.details,
				fields: opts.fields,
			};
			return opts.remote
				? remoteError(opts.status, message, opts.rawResponse ?? { message }, extra)
				: trutoError(opts.status, message, extra);
		},
	};

export const trutoFaults = (): TrutoFaults => new Faults(trutoErrors);
