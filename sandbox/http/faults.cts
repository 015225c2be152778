import type { ErrorShaper } from './error-shaper.cjs';
import type { RecordedRequest, SandboxResponse } from './types.cjs';

/** Which requests a fault applies to and how often. A string path must equal the raw path. */
export interface FaultScope {
	/** How many matching requests get the fault (default 1; Infinity = until cleared). */
	times?: number;
	method?: string;
	path?: string | RegExp;
}

/**
 * `processed: true` runs the request first (a create really happens), then breaks the response.
 * Responses are worded when sent, so time-based headers are fresh.
 */
export type FaultSpec =
	| { kind: 'rateLimit'; respond: () => SandboxResponse }
	| { kind: 'serverError'; status: number; respond: () => SandboxResponse; processed?: boolean }
	| { kind: 'slow'; ms: number }
	| { kind: 'malformedJson'; processed?: boolean }
	| { kind: 'hangUp'; processed?: boolean }
	| { kind: 'repeatCursor' }
	| { kind: 'invalidCursor' }
	| { kind: 'error'; respond: () => SandboxResponse }
	| { kind: 'redirect'; status: number; location: string }
	| { kind: 'trickle'; everyMs: number }
	| { kind: 'answer'; respond: (req: RecordedRequest) => SandboxResponse };

export type QueuedFault = FaultSpec & {
	remaining: number;
	method?: string;
	path?: string | RegExp;
};

/** A queue of one-shot (or N-times) faults; the backend's shaper words their responses. */
export class Faults<
	RateLimit extends object = object,
	ServerError extends object = object,
	Custom extends object = object,
> {
	private queue: QueuedFault[] = [];

	constructor(private shaper: ErrorShaper<RateLimit, ServerError, Custom>) {}

	/** 429 with Retry-After and whatever rate-limit headers the backend sends. */
	rateLimit(opts: FaultScope & RateLimit = {} as FaultScope & RateLimit) {
		this.add({ kind: 'rateLimit', respond: () => this.shaper.rateLimited(opts) }, opts);
	}

	/** 5xx burst: `times` responses with `status` (default 500). */
	serverError(
		opts: FaultScope & ServerError & { status?: number; processed?: boolean } = {} as FaultScope &
			ServerError,
	) {
		const status = opts.status ?? 500;
		this.add(
			{
				kind: 'serverError',
				status,
				respond: () => this.shaper.serverError(status, opts),
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

	/** List responses whose next cursor equals the current one. */
	repeatCursor(opts: FaultScope = {}) {
		this.add({ kind: 'repeatCursor' }, opts);
	}

	/** The backend's invalid-cursor error whatever the cursor. */
	invalidCursor(opts: FaultScope = {}) {
		this.add({ kind: 'invalidCursor' }, opts);
	}

	/** Any error response, built by the backend's shaper from its own options. */
	error(opts: FaultScope & Custom) {
		this.add({ kind: 'error', respond: () => this.shaper.error(opts) }, opts);
	}

	/** A redirect (301, 302, 303, 307 or 308) to `location`, e.g. another server's URL. */
	redirect(opts: FaultScope & { status: number; location: string }) {
		this.add({ kind: 'redirect', status: opts.status, location: opts.location }, opts);
	}

	/**
	 * The request is carried out and answered as usual, but the body is written one byte every
	 * `everyMs` ms; the request's record says how much of it was sent (see RecordedRequest.trickle).
	 */
	trickle(opts: FaultScope & { everyMs: number }) {
		this.add({ kind: 'trickle', everyMs: opts.everyMs }, opts);
	}

	/** Any answer computed from the request, e.g. one that repeats the request's headers back. */
	answer(opts: FaultScope & { respond: (req: RecordedRequest) => SandboxResponse }) {
		this.add({ kind: 'answer', respond: opts.respond }, opts);
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

	/** The response a short-circuiting fault produces (slow, trickle, hangUp and repeatCursor have none). */
	response(fault: QueuedFault, req: RecordedRequest): SandboxResponse | undefined {
		switch (fault.kind) {
			case 'rateLimit':
			case 'serverError':
			case 'error':
				return fault.respond();
			case 'answer':
				return fault.respond(req);
			case 'redirect':
				return { status: fault.status, headers: { location: fault.location }, body: '' };
			case 'malformedJson':
				return { status: 200, body: this.shaper.malformedBody };
			case 'invalidCursor':
				return this.shaper.invalidCursor('Injected invalid cursor fault');
			default:
				return undefined;
		}
	}
}
