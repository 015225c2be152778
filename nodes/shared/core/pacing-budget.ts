import type { RateLimitReading } from './rate-headers';

/**
 * Resets this close are the per-second window the rate learner (pacing-rate.ts) already paces:
 * rounded up to a whole second, or given as Unix seconds, a reset one second away reads as up to two.
 */
const LEARNED_WINDOW_MS = 2000;

/**
 * What the API's rate-limit headers say is left of its window. When an answer says nothing is
 * left and the window resets more than two seconds from now (a per-minute or per-hour limit),
 * every request waits for the reset instead of running into 429s. Headers only come in whole
 * seconds, so a per-second window is left to the rate learner: waiting for its rounded-up reset
 * would stall the run for up to a second each time the window fills.
 */
export class HeaderBudget {
	private resetAt = 0;

	read(reading: RateLimitReading | undefined, now: number): void {
		if (reading?.remaining !== 0 || reading.resetMs === undefined) return;
		if (reading.resetMs <= LEARNED_WINDOW_MS) return;
		this.resetAt = Math.max(this.resetAt, now + reading.resetMs);
	}

	/** No request starts before this time. */
	get notBefore(): number {
		return this.resetAt;
	}
}
