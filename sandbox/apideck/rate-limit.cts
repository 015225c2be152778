import { apiError } from './errors.cjs';
import type { SandboxResponse } from './types.cjs';

/** Sliding one-second window; rejected requests do not count. */
export class RateLimiter {
	private accepted: number[] = [];

	constructor(public perSecond?: number) {}

	check(now = Date.now()): SandboxResponse | undefined {
		if (!this.perSecond) return undefined;
		while (this.accepted.length && this.accepted[0] <= now - 1000) this.accepted.shift();
		if (this.accepted.length < this.perSecond) {
			this.accepted.push(now);
			return undefined;
		}
		const retryAfter = Math.max(1, Math.ceil((this.accepted[0] + 1000 - now) / 1000));
		return apiError(
			429,
			'RequestLimitError',
			'Request limit reached',
			`This application may send ${this.perSecond} requests per second; retry after ${retryAfter} s`,
			{ headers: { 'retry-after': String(retryAfter) } },
		);
	}
}
