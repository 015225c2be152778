/**
 * The sandbox's own rate limit; rejected requests do not count.
 *   window – at most `limit` requests in any sliding `windowMs` (bursts allowed);
 *   spaced – no burst at all: a request is accepted only `windowMs / limit` after the last one.
 */
export type RateLimitKind = 'window' | 'spaced';

export interface RateLimitSettings {
	kind?: RateLimitKind;
	/** Successful answers carry the backend's rate-limit headers (limit, remaining, reset). */
	announce?: boolean;
	/** The window the limit counts in (default 1). */
	windowSeconds?: number;
}

export class RateLimiter {
	private accepted: number[] = [];

	kind: RateLimitKind = 'window';

	announce = false;

	constructor(
		/** Requests accepted per window; undefined = no limit. */
		public limit?: number,
		public windowMs = 1000,
		settings: RateLimitSettings = {},
	) {
		this.kind = settings.kind ?? 'window';
		this.announce = settings.announce ?? false;
	}

	/** A new limit (undefined = none), starting from an empty window. */
	configure(limit: number | undefined, settings: RateLimitSettings = {}): void {
		this.limit = limit;
		this.windowMs = (settings.windowSeconds ?? 1) * 1000;
		this.kind = settings.kind ?? 'window';
		this.announce = settings.announce ?? false;
		this.accepted = [];
	}

	/** undefined when accepted, else how long to wait (whole seconds, at least 1). */
	check(now = Date.now()): { retryAfterSeconds: number } | undefined {
		if (!this.limit) return undefined;
		while (this.accepted.length && this.accepted[0] <= now - this.windowMs) this.accepted.shift();
		const last = this.accepted[this.accepted.length - 1];
		const free =
			this.kind === 'spaced'
				? last === undefined || now - last >= this.windowMs / this.limit
				: this.accepted.length < this.limit;
		if (free) {
			this.accepted.push(now);
			return undefined;
		}
		const until =
			this.kind === 'spaced' ? last + this.windowMs / this.limit : this.accepted[0] + this.windowMs;
		return { retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
	}

	/** What is left of the current window, for the rate-limit headers of an accepted request. */
	state(now = Date.now()): { limit: number; remaining: number; resetSeconds: number } | undefined {
		if (!this.limit || !this.announce) return undefined;
		const oldest = this.accepted[0] ?? now;
		return {
			limit: this.limit,
			remaining: Math.max(0, this.limit - this.accepted.length),
			resetSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)),
		};
	}
}
