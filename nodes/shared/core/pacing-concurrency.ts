/** Requests in flight when a run starts (as many as Items in Parallel's default). */
export const START_CONCURRENCY = 5;
/** The most requests one run keeps in flight. */
export const MAX_CONCURRENCY = 50;

/**
 * Answers are fast while their moving average stays within this many times the fastest answer
 * of their method (plus some slack for a busy event loop).
 */
const SLOW_FACTOR = 2;
const SLOW_SLACK_MS = 20;
/** Weight of the newest answer in the moving average. */
const SMOOTHING = 0.1;

/**
 * AIMD concurrency, as TCP does it: one more request in flight per fast, clean answer until the
 * first sign of trouble (slow start), then one more per round of answers; halved once per round
 * on a 429, a 5xx or a lost answer. While answers take on average more than twice the fastest of
 * their method, the limit holds: the server (or this process) is queueing, and more requests in
 * flight would only wait there.
 */
export class ConcurrencyLimit {
	private limit = START_CONCURRENCY;

	private threshold = MAX_CONCURRENCY;

	/** Troubles of requests sent before the last cut belong to that cut. */
	private cutAt = 0;

	private readonly times = new Map<string, { fastest: number; average: number }>();

	get value(): number {
		return Math.max(1, Math.floor(this.limit));
	}

	/** A fast, clean answer grows the limit, when the limit is what held requests back. */
	clean(method: string, sentAt: number, answeredAt: number, demand: number): void {
		const took = answeredAt - sentAt;
		const seen = this.times.get(method);
		const times = seen
			? {
					fastest: Math.min(seen.fastest, took),
					average: seen.average + SMOOTHING * (took - seen.average),
				}
			: { fastest: took, average: took };
		this.times.set(method, times);
		if (demand < this.value) return;
		if (times.average > SLOW_FACTOR * times.fastest + SLOW_SLACK_MS) return;
		this.limit += this.limit < this.threshold ? 1 : 1 / this.limit;
		this.limit = Math.min(MAX_CONCURRENCY, this.limit);
	}

	trouble(sentAt: number, answeredAt: number): void {
		if (sentAt < this.cutAt) return;
		this.limit = Math.max(1, Math.floor(this.limit / 2));
		this.threshold = this.limit;
		this.cutAt = answeredAt;
	}
}
