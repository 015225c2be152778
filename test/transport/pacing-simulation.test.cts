/**
 * The adaptive pace (nodes/shared/core/pacing-adaptive.ts) against the sandbox's rate limiter in
 * virtual time: no clock, no timers, no load from the machine — the same inputs always give the
 * same counts. The engine tests (test/action/adaptive-pacing.test.cts) run the real thing.
 */
import { AdaptivePace } from '../../nodes/shared/core/pacing-adaptive';
import { RateLimiter, type RateLimitKind } from '../../sandbox/http/rate-limit.cjs';

interface Outcome {
	accepted: number;
	refused: number;
	/** Virtual milliseconds from the first send to the last answer. */
	ms: number;
}

/** Sends `count` requests (each retried after its Retry-After until accepted) with fixed latency. */
function simulate(count: number, limiter: RateLimiter, latencyMs: number): Outcome {
	const pace = new AdaptivePace();
	const answers: Array<{
		at: number;
		sentAt: number;
		ticket: unknown;
		status: number;
		wait: number;
	}> = [];
	let now = 0;
	let nextSlot = 0;
	let toSend = count;
	let accepted = 0;
	let refused = 0;
	const retries: number[] = [];
	while (accepted < count) {
		const ready = toSend > 0 || retries.some((at) => at <= now);
		const { notBefore, intervalMs } = pace.schedule();
		const start = Math.max(now, notBefore, intervalMs ? nextSlot : 0);
		if (ready && answers.length < pace.concurrency() && start === now) {
			if (toSend > 0) toSend--;
			else
				retries.splice(
					retries.findIndex((at) => at <= now),
					1,
				);
			if (intervalMs) nextSlot = start + intervalMs;
			const ticket = pace.sent(now);
			const limited = limiter.check(now);
			answers.push({
				at: now + latencyMs,
				sentAt: now,
				ticket,
				status: limited ? 429 : 201,
				wait: (limited?.retryAfterSeconds ?? 0) * 1000,
			});
			answers.sort((a, b) => a.at - b.at);
			continue;
		}
		// Nothing can start now: move to the next answer, free slot time or retry time.
		const next = Math.min(
			answers[0]?.at ?? Infinity,
			ready && answers.length < pace.concurrency() ? start : Infinity,
			...retries.filter((at) => at > now),
		);
		now = Math.max(now + 1, next);
		while (answers.length && answers[0].at <= now) {
			const answer = answers.shift()!;
			const load = { inFlight: answers.length + 1, waiting: toSend + retries.length };
			pace.answered(
				{
					method: 'POST',
					sentAt: answer.sentAt,
					answeredAt: answer.at,
					statusCode: answer.status,
					waitMs: answer.wait,
					ticket: answer.ticket,
				},
				load,
			);
			if (answer.status === 429) {
				refused++;
				retries.push(answer.at + answer.wait);
			} else accepted++;
		}
	}
	return { accepted, refused, ms: now };
}

const limiter = (perSecond: number, kind: RateLimitKind) =>
	new RateLimiter(perSecond, 1000, { kind });

test('a 10 requests/s sliding window: ≥ 95 % of the allowed rate, < 5 % of requests refused', () => {
	const { accepted, refused, ms } = simulate(1000, limiter(10, 'window'), 50);
	expect(accepted / (ms / 1000) / 10).toBeGreaterThanOrEqual(0.95);
	expect(refused / (accepted + refused)).toBeLessThan(0.05);
});

test('a limiter without bursts: every request goes through, few refused', () => {
	const { accepted, refused } = simulate(200, limiter(10, 'spaced'), 50);
	expect(accepted).toBe(200);
	expect(refused / (accepted + refused)).toBeLessThan(0.1);
});

test('no limit: concurrency grows well past the 5 it starts with', () => {
	const { refused, ms } = simulate(1000, new RateLimiter(undefined), 50);
	expect(refused).toBe(0);
	// One at a time would take 1,000 × 50 ms.
	expect(50_000 / ms).toBeGreaterThanOrEqual(10);
});
