/** Requests in flight when a run starts (as many as Items in Parallel's default). */
export const START_CONCURRENCY = 5;
/** The most requests one run keeps in flight. */
export const MAX_CONCURRENCY = 50;

/** An answer is fast while it takes at most this many times the fastest one of its method (+ slack). */
const SLOW_FACTOR = 2;
const SLOW_SLACK_MS = 5;

/**
 * AIMD concurrency, as TCP does it: one more request in flight per fast, clean answer until the
 * first sign of trouble (slow start), then one more per round of answers; halved once per round
 * on a 429, a 5xx or a lost answer. Answers slower than twice the fastest of their method stop
 * the growth: the server is queueing, and more requests in flight would only wait there.
 */
export class ConcurrencyLimit {
	private limit = START_CONCURRENCY;

	private threshold = MAX_CONCURRENCY;

	/** Troubles of requests sent before the last cut belong to that cut. */
	private cutAt = 0;

	private readonly fastest = new Map<string, number>();

	get value(): number {
		return Math.max(1, Math.floor(this.limit));
	}

	/** A fast, clean answer grows the limit, when the limit is what held requests back. */
	clean(method: string, sentAt: number, answeredAt: number, demand: number): void {
		const took = answeredAt - sentAt;
		const fastest = Math.min(this.fastest.get(method) ?? took, took);
		this.fastest.set(method, fastest);
		if (demand < this.value) return;
		if (took > SLOW_FACTOR * fastest + SLOW_SLACK_MS) {
			this.threshold = Math.min(this.threshold, this.limit);
			return;
		}
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
