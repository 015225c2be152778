/**
 * Limits are assumed to count requests per second: most CRMs and unified APIs state theirs per
 * second, and what the rate-limit headers say goes on top (pacing-budget.ts).
 */
const WINDOW_MS = 1000;
/** Starts stay this much further apart than the learned rate, for network jitter. */
const START_MARGIN = 0.02;
const MARGIN_STEP = 0.01;
/** A 429 showing fewer accepted requests than learned lowers the rate by at most this factor. */
const DECREASE = 0.75;
const MAX_MARGIN = 0.2;
/** Stop probing once the rate that failed is within this factor of the rate that works. */
const CLOSE_ENOUGH = 1.1;
/** An early count below this says nothing about a per-second limit (a limiter without bursts). */
const TRUSTED_COUNT = 3;
/** After such a count, the rate tried first (a 429 there falls back to the count). */
const UNTRUSTED_START = 5;

interface Learned {
	/** Requests per second sent now. */
	perSecond: number;
	/** The fastest rate that went through without a 429. */
	good: number;
	/** The slowest rate that got a 429 (Infinity while none). */
	bad: number;
	/** When the rate last changed: 429s of requests sent before it belong to the old rate. */
	since: number;
	/** When the run last checked for a clean window (no 429 since). */
	checkedAt: number;
}

interface Send {
	at: number;
	refused: boolean;
}

/**
 * The request rate the API allows, learned from its 429s: no cap until the first one; then what
 * the API accepted in the second before the refused request (pending answers count as accepted)
 * is its limit. A count taken before a whole second went by and too small to trust (a limiter
 * without bursts, or a stray 429) is only a start: the run tries 5 requests per second, and each
 * clean second doubles the rate until a 429, then goes halfway towards the rate that failed,
 * until the two are within 10 %. The run then holds just under the limit (a 2 % margin, a
 * little wider after each 429 that jitter caused, narrower again after each clean second). A 429
 * that shows fewer accepted requests than learned steps the rate down by up to a quarter, pauses
 * the run for its Retry-After and probes back up towards the old rate. A limit that rises during
 * a run is not looked for: probing above a known limit costs 429s, and the next run starts anew.
 */
export class RateLearner {
	private learned?: Learned;

	private margin = START_MARGIN;

	private firstSentAt?: number;

	/** This run's requests of the last two seconds, in the order they were sent. */
	private sends: Send[] = [];

	/** Milliseconds between starts; 0 = no cap. */
	get intervalMs(): number {
		return this.learned ? (1000 * (1 + this.margin)) / this.learned.perSecond : 0;
	}

	/** Returns the request's ticket for refused(). */
	sent(at: number): object {
		this.firstSentAt ??= at;
		while (this.sends.length && this.sends[0].at < at - 2 * WINDOW_MS) this.sends.shift();
		const send = { at, refused: false };
		this.sends.push(send);
		return send;
	}

	accept(now: number): void {
		const learned = this.learned;
		if (!learned || now - learned.checkedAt < Math.max(WINDOW_MS, 2 * this.intervalMs)) return;
		learned.checkedAt = now;
		if (learned.bad > learned.perSecond * CLOSE_ENOUGH) {
			learned.good = learned.perSecond;
			learned.perSecond =
				learned.bad === Infinity ? learned.perSecond * 2 : (learned.perSecond + learned.bad) / 2;
			learned.since = now;
		} else {
			this.margin = Math.max(START_MARGIN, this.margin - MARGIN_STEP / 2);
		}
	}

	/**
	 * The API answered 429 to the request `ticket`. Returns true when every request should wait
	 * for its Retry-After: the API's limit is new or lower than learned. When the count shows the
	 * API accepted what the learned rate expects, only the refused request waits and the rate
	 * steps back (after a probe) or keeps a wider margin (while holding).
	 */
	refused(ticket: object, sentAt: number, now: number): boolean {
		const index = this.sends.indexOf(ticket as Send);
		if (index !== -1) this.sends[index].refused = true;
		const learned = this.learned;
		if (learned && sentAt < learned.since) return false;
		const seen = this.sends
			.slice(0, Math.max(0, index))
			.filter((send) => !send.refused && send.at > sentAt - WINDOW_MS).length;
		const measured = Math.max(1, seen);
		const trusted = seen >= TRUSTED_COUNT;
		// Before a whole window has gone by, a small count may come from a limiter without bursts.
		const early = sentAt - (this.firstSentAt ?? sentAt) < WINDOW_MS;
		if (!learned) {
			const guess = early && !trusted;
			this.learned = {
				perSecond: guess ? Math.max(measured, UNTRUSTED_START) : measured,
				good: measured,
				bad: guess ? Infinity : measured + 1,
				since: now,
				checkedAt: now,
			};
			return true;
		}
		// The count covers the current rate only once a whole window was sent at it.
		const fullWindow = sentAt - learned.since >= WINDOW_MS;
		const probing = learned.perSecond > learned.good;
		learned.since = learned.checkedAt = now;
		if (probing) {
			const failed = fullWindow ? Math.min(learned.perSecond, seen + 1) : learned.perSecond;
			learned.bad = Math.max(learned.good * CLOSE_ENOUGH, failed);
			learned.perSecond = learned.good;
			return false;
		}
		if (fullWindow && seen + 1 < learned.good) {
			// Fewer accepted than before: the limit fell, someone else uses it too, or this
			// process stalled. Step down to the count, by a quarter at most, then probe back up.
			learned.bad = learned.good * CLOSE_ENOUGH;
			learned.perSecond = learned.good = Math.max(measured, learned.good * DECREASE);
			return true;
		}
		this.margin = Math.min(MAX_MARGIN, this.margin + MARGIN_STEP);
		return false;
	}
}
