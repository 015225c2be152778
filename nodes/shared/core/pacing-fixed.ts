import type { Answer, PaceController } from './pacing-controller';

/**
 * The hand-set pace (Items in Parallel, Max Requests per Second): the item pool bounds the
 * concurrency, starts are spaced by the cap, and a 429 pauses every request for as long as the
 * API asked.
 */
export class FixedPace implements PaceController {
	private pausedUntil = 0;

	// As it always did: a request keeps the slot it was given when a later 429 starts a pause.
	readonly pausesWaiting = false;

	private readonly intervalMs: number;

	constructor(perSecond: number) {
		this.intervalMs = perSecond > 0 ? 1000 / perSecond : 0;
	}

	concurrency() {
		return Infinity;
	}

	schedule() {
		return { notBefore: this.pausedUntil, intervalMs: this.intervalMs };
	}

	sent() {}

	answered(answer: Answer) {
		if (answer.statusCode === 429 && answer.waitMs) {
			this.pausedUntil = Math.max(this.pausedUntil, answer.answeredAt + answer.waitMs);
		}
	}
}
