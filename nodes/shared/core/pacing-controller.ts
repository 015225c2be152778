import type { RateLimitReading } from './rate-headers';

/** How one request of the run ended, as the pace learns from it. */
export interface Answer {
	method: string;
	sentAt: number;
	answeredAt: number;
	/** undefined when no answer came (dropped connection, timeout). */
	statusCode?: number;
	/** For a 429: how long the API asked to wait (or the backoff when it did not say). */
	waitMs?: number;
	/** The answer's rate-limit headers, read by the backend. */
	rateLimit?: RateLimitReading;
	/** What sent() returned for this request. */
	ticket?: unknown;
}

export interface Load {
	inFlight: number;
	waiting: number;
}

/** Decides how fast one node run may send; the gate (pacing.ts) enforces it. */
export interface PaceController {
	/** How many requests may be in flight at once. */
	concurrency(): number;
	/** Whether a request already waiting for its slot also waits out a pause that began meanwhile. */
	readonly pausesWaiting: boolean;
	/** No request starts before `notBefore`; consecutive starts stay `intervalMs` apart. */
	schedule(now: number): { notBefore: number; intervalMs: number };
	/** Returns a ticket that comes back with the request's answer. */
	sent(at: number): unknown;
	/** `load`: requests in flight (this one included) and waiting for a turn when it was answered. */
	answered(answer: Answer, load: Load): void;
}
