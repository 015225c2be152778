// The Apideck wording of the shared fault queue and server errors (see ../http/faults.cts).
import type { ErrorShaper } from '../http/error-shaper.cjs';
import { Faults } from '../http/faults.cjs';
import { apiError, invalidCursor } from './errors.cjs';

export type { FaultScope, FaultSpec, QueuedFault } from '../http/faults.cjs';

export interface ApideckRateLimitFault {
	retryAfterSeconds?: number;
	/** Adds x-downstream-ratelimit-* headers whose reset is this many seconds from now (Unix seconds). */
	downstreamResetSeconds?: number;
	typeName?: string;
}

export interface ApideckServerErrorFault {
	typeName?: string;
}

/** Any Apideck error: e.g. { status: 404, typeName: 'ConnectionNotFoundError' }. */
export interface ApideckErrorFault {
	status: number;
	typeName: string;
	message?: string;
	detail?: unknown;
	headers?: Record<string, string>;
	/** Extra body fields, e.g. downstream_errors. */
	fields?: Record<string, unknown>;
}

export type ApideckFaults = Faults<
	ApideckRateLimitFault,
	ApideckServerErrorFault,
	ApideckErrorFault
>;

export const apideckErrors: ErrorShaper<
	ApideckRateLimitFault,
	ApideckServerErrorFault,
	ApideckErrorFault
> = {
	requestIdHeader: 'x-apideck-request-id',
	rateLimited({ retryAfterSeconds = 1, downstreamResetSeconds, typeName }) {
		const headers: Record<string, string> = { 'retry-after': String(retryAfterSeconds) };
		if (downstreamResetSeconds !== undefined) {
			headers['x-downstream-ratelimit-limit'] = '100';
			headers['x-downstream-ratelimit-remaining'] = '0';
			headers['x-downstream-ratelimit-reset'] = String(
				Math.ceil(Date.now() / 1000 + downstreamResetSeconds),
			);
		}
		return apiError(
			429,
			typeName ?? 'ConnectorRateLimitError',
			'Too many requests to the connector',
			{
				context: 'The downstream API refused the request because of its rate limit',
				error: { retry_after_seconds: retryAfterSeconds },
			},
			{ headers },
		);
	},
	limitHeaders: ({ limit, remaining, resetSeconds }) => ({
		'x-downstream-ratelimit-limit': String(limit),
		'x-downstream-ratelimit-remaining': String(remaining),
		'x-downstream-ratelimit-reset': String(Math.ceil(Date.now() / 1000 + resetSeconds)),
	}),
	limitExceeded: ({ limit, retryAfterSeconds }) =>
		apiError(
			429,
			'RequestLimitError',
			'Request limit reached',
			`This application may send ${limit} requests per second; retry after ${retryAfterSeconds} s`,
			{ headers: { 'retry-after': String(retryAfterSeconds) } },
		),
	serverError: (status, { typeName }) =>
		apiError(
			status,
			typeName ?? (status === 502 ? 'ConnectorExecutionError' : 'UnexpectedServerError'),
			'The sandbox failed on purpose',
			`Injected ${status} fault`,
		),
	invalidCursor,
	malformedBody: '{"status_code":200,"status":"OK","data":[{"id":"1","na',
	unexpected: (detail) => apiError(500, 'UnexpectedServerError', 'Sandbox bug', detail),
	error: (opts) =>
		apiError(opts.status, opts.typeName, opts.message ?? opts.typeName, opts.detail, opts),
};

export const apideckFaults = (): ApideckFaults => new Faults(apideckErrors);
