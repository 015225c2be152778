import { apiError, invalidCursor } from './errors.cjs';
import type { SandboxResponse } from './types.cjs';

/** Which requests a fault applies to and how often. A string path must equal the raw path. */
export interface FaultScope {
	/** How many matching requests get the fault (default 1; Infinity = until cleared). */
	times?: number;
	method?: string;
	path?: string | RegExp;
}

/** `processed: true` runs the request first (a create really happens), then breaks the response. */
export type FaultSpec =
	| {
			kind: 'rateLimit';
			retryAfterSeconds: number;
			downstreamResetSeconds?: number;
			typeName: string;
	  }
	| { kind: 'serverError'; status: number; typeName?: string; processed?: boolean }
	| { kind: 'slow'; ms: number }
	| { kind: 'malformedJson'; processed?: boolean }
	| { kind: 'hangUp'; processed?: boolean }
	| { kind: 'repeatCursor' }
	| { kind: 'invalidCursor' }
	| { kind: 'error'; response: SandboxResponse };

export type QueuedFault = FaultSpec & {
	remaining: number;
	method?: string;
	path?: string | RegExp;
};

export class Faults {
	private queue: QueuedFault[] = [];

	/** 429 with Retry-After (seconds) and x-downstream-ratelimit-* headers (reset = Unix seconds). */
	rateLimit(
		opts: FaultScope & {
			retryAfterSeconds?: number;
			downstreamResetSeconds?: number;
			typeName?: string;
		} = {},
	) {
		this.add(
			{
				kind: 'rateLimit',
				retryAfterSeconds: opts.retryAfterSeconds ?? 1,
				downstreamResetSeconds: opts.downstreamResetSeconds,
				typeName: opts.typeName ?? 'ConnectorRateLimitError',
			},
			opts,
		);
	}

	/** 5xx burst: `times` responses with `status` (default 500). */
	serverError(opts: FaultScope & { status?: number; typeName?: string; processed?: boolean } = {}) {
		this.add(
			{
				kind: 'serverError',
				status: opts.status ?? 500,
				typeName: opts.typeName,
				processed: opts.processed,
			},
			opts,
		);
	}

	/** Delays matching responses by `ms` (on top of latencyMs). */
	slow(opts: FaultScope & { ms: number }) {
		this.add({ kind: 'slow', ms: opts.ms }, opts);
	}

	/** 200 with a truncated JSON body. */
	malformedJson(opts: FaultScope & { processed?: boolean } = {}) {
		this.add({ kind: 'malformedJson', processed: opts.processed }, opts);
	}

	/** Closes the connection without any response (a network failure for the client). */
	hangUp(opts: FaultScope & { processed?: boolean } = {}) {
		this.add({ kind: 'hangUp', processed: opts.processed }, opts);
	}

	/** List responses whose meta.cursors.next equals meta.cursors.current. */
	repeatCursor(opts: FaultScope = {}) {
		this.add({ kind: 'repeatCursor' }, opts);
	}

	/** 400 InvalidCursorError whatever the cursor. */
	invalidCursor(opts: FaultScope = {}) {
		this.add({ kind: 'invalidCursor' }, opts);
	}

	/** Any Apideck error: e.g. { status: 404, typeName: 'ConnectionNotFoundError' }. */
	error(
		opts: FaultScope & {
			status: number;
			typeName: string;
			message?: string;
			detail?: unknown;
			headers?: Record<string, string>;
			/** Extra body fields, e.g. downstream_errors. */
			fields?: Record<string, unknown>;
		},
	) {
		const response = apiError(
			opts.status,
			opts.typeName,
			opts.message ?? opts.typeName,
			opts.detail,
			opts,
		);
		this.add({ kind: 'error', response }, opts);
	}

	add(spec: FaultSpec, scope: FaultScope = {}) {
		this.queue.push({
			...spec,
			remaining: scope.times ?? 1,
			method: scope.method,
			path: scope.path,
		});
	}

	/** Takes one use of the first queued fault that matches the request and the wanted kinds. */
	take(
		method: string,
		path: string,
		kinds: (kind: FaultSpec['kind']) => boolean,
	): QueuedFault | undefined {
		const fault = this.queue.find(
			(f) =>
				kinds(f.kind) &&
				(!f.method || f.method.toUpperCase() === method) &&
				(!f.path || (typeof f.path === 'string' ? f.path === path : f.path.test(path))),
		);
		if (!fault) return undefined;
		fault.remaining--;
		if (fault.remaining <= 0) this.queue.splice(this.queue.indexOf(fault), 1);
		return fault;
	}

	pending(): QueuedFault[] {
		return [...this.queue];
	}

	clear() {
		this.queue = [];
	}
}

/** The response a short-circuiting fault produces (slow, hangUp and repeatCursor have none). */
export function faultResponse(fault: QueuedFault): SandboxResponse | undefined {
	switch (fault.kind) {
		case 'rateLimit': {
			const headers: Record<string, string> = { 'retry-after': String(fault.retryAfterSeconds) };
			if (fault.downstreamResetSeconds !== undefined) {
				headers['x-downstream-ratelimit-limit'] = '100';
				headers['x-downstream-ratelimit-remaining'] = '0';
				headers['x-downstream-ratelimit-reset'] = String(
					Math.ceil(Date.now() / 1000 + fault.downstreamResetSeconds),
				);
			}
			return apiError(
				429,
				fault.typeName,
				'Too many requests to the connector',
				{
					context: 'The downstream API refused the request because of its rate limit',
					error: { retry_after_seconds: fault.retryAfterSeconds },
				},
				{ headers },
			);
		}
		case 'serverError': {
			const typeName =
				fault.typeName ??
				(fault.status === 502 ? 'ConnectorExecutionError' : 'UnexpectedServerError');
			return apiError(
				fault.status,
				typeName,
				'The sandbox failed on purpose',
				`Injected ${fault.status} fault`,
			);
		}
		case 'malformedJson':
			return { status: 200, body: '{"status_code":200,"status":"OK","data":[{"id":"1","na' };
		case 'invalidCursor':
			return invalidCursor('Injected invalid cursor fault');
		case 'error':
			return fault.response;
		default:
			return undefined;
	}
}
