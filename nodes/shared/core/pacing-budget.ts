import type { RateLimitReading } from './rate-headers';

/** Below this share of the window's limit left, the rest is spread over the time to the reset. */
const SPREAD_BELOW = 0.1;
/** When the API does not say its limit, spread once fewer than this many requests are left. */
const SPREAD_BELOW_COUNT = 10;

/**
 * What the API's rate-limit headers say is left of its window: nothing left waits for the reset,
 * little left is spread evenly until then, so the run neither hits the wall nor stops early.
 */
export class HeaderBudget {
	private remaining = 0;

	private resetAt = 0;

	private spreadBelow = SPREAD_BELOW_COUNT;

	/** `othersInFlight`: sent before this answer and maybe not counted by the API yet. */
	read(reading: RateLimitReading | undefined, now: number, othersInFlight: number): void {
		if (reading?.remaining === undefined || reading.resetMs === undefined) return;
		this.remaining = reading.remaining - othersInFlight;
		this.resetAt = now + reading.resetMs;
		if (reading.limit) this.spreadBelow = reading.limit * SPREAD_BELOW;
	}

	sent(): void {
		this.remaining--;
	}

	/** The earliest start and the spacing the budget asks for (0 = none). */
	schedule(now: number): { notBefore: number; intervalMs: number } {
		if (now >= this.resetAt) return { notBefore: 0, intervalMs: 0 };
		if (this.remaining <= 0) return { notBefore: this.resetAt, intervalMs: 0 };
		if (this.remaining >= this.spreadBelow) return { notBefore: 0, intervalMs: 0 };
		return { notBefore: 0, intervalMs: (this.resetAt - now) / this.remaining };
	}
}
