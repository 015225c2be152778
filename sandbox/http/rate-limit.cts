/** Sliding window of `windowMs`; rejected requests do not count. */
export class RateLimiter {
	private accepted: number[] = [];

	constructor(
		/** Requests accepted per window; undefined = no limit. */
		public limit?: number,
		public windowMs = 1000,
	) {}

	/** undefined when accepted, else how long to wait (whole seconds, at least 1). */
	check(now = Date.now()): { retryAfterSeconds: number } | undefined {
		if (!this.limit) return undefined;
		while (this.accepted.length && this.accepted[0] <= now - this.windowMs) this.accepted.shift();
		if (this.accepted.length < this.limit) {
			this.accepted.push(now);
			return undefined;
		}
		return {
			retryAfterSeconds: Math.max(1, Math.ceil((this.accepted[0] + this.windowMs - now) / 1000)),
		};
	}
}
