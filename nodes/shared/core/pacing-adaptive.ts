import { HeaderBudget } from './pacing-budget';
import { ConcurrencyLimit } from './pacing-concurrency';
import type { Answer, Load, PaceController } from './pacing-controller';
import { RateLearner } from './pacing-rate';

/**
 * The default pace: as many requests in flight as answers stay fast and clean (AIMD), a request
 * rate learned from 429s, what the rate-limit headers say is left, and a pause for every
 * Retry-After.
 */
export class AdaptivePace implements PaceController {
	private readonly limit = new ConcurrencyLimit();

	private readonly rate = new RateLearner();

	private readonly budget = new HeaderBudget();

	private pausedUntil = 0;

	concurrency() {
		return this.limit.value;
	}

	schedule(now: number) {
		const budget = this.budget.schedule(now);
		return {
			notBefore: Math.max(this.pausedUntil, budget.notBefore),
			intervalMs: Math.max(this.rate.intervalMs, budget.intervalMs),
		};
	}

	sent(at: number) {
		this.budget.sent();
		return this.rate.sent(at);
	}

	answered(answer: Answer, load: Load) {
		const { sentAt, answeredAt, statusCode } = answer;
		this.budget.read(answer.rateLimit, answeredAt, load.inFlight - 1);
		if (statusCode === 429) {
			this.limit.trouble(sentAt, answeredAt);
			if (this.rate.refused(answer.ticket as object, sentAt, answeredAt)) {
				this.pausedUntil = Math.max(this.pausedUntil, answeredAt + (answer.waitMs ?? 0));
			}
			return;
		}
		if (statusCode === undefined || statusCode >= 500) {
			this.limit.trouble(sentAt, answeredAt);
			return;
		}
		this.rate.accept(answeredAt);
		this.limit.clean(answer.method, sentAt, answeredAt, load.inFlight + load.waiting);
	}
}
