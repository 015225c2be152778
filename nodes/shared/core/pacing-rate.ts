/**
 * Limits are assumed to count requests per second unless the API's headers say more (see
 * pacing-budget.ts): most CRMs and unified APIs state theirs per second.
 */
const WINDOW_MS = 1000;
/** Starts stay this much further apart than the learned rate, to absorb network jitter. */
const START_MARGIN = 0.02;
const MAX_MARGIN = 0.5;
/** Stop probing once the rate that failed is within this factor of the rate that works. */
const CLOSE_ENOUGH = 1.1;

interface Learned {
	/** Requests per second sent now. */
	perSecond: number;
	/** The fastest rate that went through without a 429. */
	good: number;
	/** The slowest rate that got a 429 (Infinity while none). */
	bad: number;
	/** When the rate last changed: 429s of requests sent before it belong to the old rate. */
	since: number;
	/** When the run last went a whole window without a 429. */
	checkedAt: number;
}

/**
 * The request rate the API allows, learned from its 429s. No cap until the first 429; then the
 * rate is what the API accepted in the second before it (the count is the limit of a per-second
 * window). A clean second raises it: doubling while no rate has failed, then halfway to the rate
 * that failed, until the two are within 10 %; the run then holds just under the limit. A 429
 * while holding widens the safety margin, or, when the API accepted fewer requests than before
 * (someone else uses the same limit), lowers the rate to what it accepted.
 */
export class RateLearner {
	private learned?: Learned;

	private margin = START_MARGIN;

	private firstSentAt?: number;

	/** Send times of requests not refused with a 429, oldest first. */
	private accepted: number[] = [];

	/** Milliseconds between starts; 0 = no cap. */
	get intervalMs(): number {
		return this.learned ? (1000 * (1 + this.margin)) / this.learned.perSecond : 0;
	}

	get perSecond(): number | undefined {
		return this.learned?.perSecond;
	}

	sent(at: number): void {
		this.firstSentAt ??= at;
	}

	accept(sentAt: number, now: number): void {
		this.accepted.push(sentAt);
		while (this.accepted.length && this.accepted[0] < now - 2 * WINDOW_MS) this.accepted.shift();
		this.probe(now);
	}

	refused(sentAt: number, now: number): void {
		const learned = this.learned;
		if (learned && sentAt < learned.since) return;
		const seen = this.accepted.filter((at) => at > sentAt - WINDOW_MS && at <= sentAt).length;
		const measured = Math.max(1, seen);
		// Before a whole window has gone by, the count says nothing about the window's limit.
		const early = sentAt - (this.firstSentAt ?? sentAt) < WINDOW_MS;
		if (!learned) {
			const bad = early ? Infinity : measured + 1;
			this.learned = { perSecond: measured, good: measured, bad, since: now, checkedAt: now };
			return;
		}
		if (learned.perSecond > learned.good) {
			learned.bad = Math.max(
				learned.good * CLOSE_ENOUGH,
				early ? learned.perSecond : Math.min(learned.perSecond, seen + 1),
			);
			learned.perSecond = learned.good;
		} else if (seen + 1 < learned.good) {
			learned.perSecond = learned.good = measured;
			learned.bad = measured + 1;
		} else {
			this.margin = Math.min(MAX_MARGIN, this.margin * 2 + START_MARGIN);
		}
		learned.since = learned.checkedAt = now;
	}

	private probe(now: number): void {
		const learned = this.learned;
		if (!learned || now - learned.checkedAt < Math.max(WINDOW_MS, 4 * this.intervalMs)) return;
		learned.checkedAt = now;
		if (learned.bad <= learned.perSecond * CLOSE_ENOUGH) {
			this.margin = Math.max(START_MARGIN, this.margin * 0.8);
			return;
		}
		learned.good = learned.perSecond;
		learned.perSecond =
			learned.bad === Infinity ? learned.perSecond * 2 : (learned.perSecond + learned.bad) / 2;
		learned.since = now;
	}
}
