import { HeaderBudget } from './pacing-budget';
import { ConcurrencyLimit } from './pacing-concurrency';
import type { Answer, Load, PaceController } from './pacing-controller';
import { RateLearner } from './pacing-rate';

/**
 * The default pace: as many requests in flight as answers stay fast and clean (AIMD), a request
 * rate learned from 429s, a wait when the rate-limit headers say a longer window is used up, and
 * a pause for the Retry-After of a 429 that shows a new or lower limit.
 */
export class AdaptivePace implements PaceController {
	private readonly limit = new ConcurrencyLimit();

	private readonly rate = new RateLearner();

	private readonly budget = new HeaderBudget();

	private pausedUntil = 0;

	readonly pausesWaiting = true;

	concurrency() {
		return this.limit.value;
	}

	schedule() {
		return {
			notBefore: Math.max(this.pausedUntil, this.budget.notBefore),
			intervalMs: this.rate.intervalMs,
		};
	}

	sent(at: number) {
		return this.rate.sent(at);
	}

	answered(answer: Answer, load: Load) {
		const { sentAt, answeredAt, statusCode } = answer;
		this.budget.read(answer.rateLimit, answeredAt);
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
