import { sleep } from 'n8n-workflow';

/**
 * Request pacing shared by everything one node run sends (keyed by its execution context):
 * a pause while a Retry-After runs, and an optional cap on requests per second.
 */
interface Pace {
	pausedUntil: number;
	intervalMs: number;
	nextSlot: number;
}

const paces = new WeakMap<object, Pace>();

function paceOf(ctx: object): Pace {
	let pace = paces.get(ctx);
	if (!pace) {
		pace = { pausedUntil: 0, intervalMs: 0, nextSlot: 0 };
		paces.set(ctx, pace);
	}
	return pace;
}

/** When the API answers 429 to one request, the others in flight would hit the same limit. */
export function pauseRequests(ctx: object, ms: number): void {
	const pace = paceOf(ctx);
	pace.pausedUntil = Math.max(pace.pausedUntil, Date.now() + ms);
}

/** Spaces this run's requests so that no more than `perSecond` start in any second (0 = no cap). */
export function limitRequestRate(ctx: object, perSecond: number): void {
	paceOf(ctx).intervalMs = perSecond > 0 ? 1000 / perSecond : 0;
}

export async function waitForTurn(ctx: object): Promise<void> {
	const pace = paces.get(ctx);
	if (!pace) return;
	const now = Date.now();
	let start = Math.max(now, pace.pausedUntil);
	if (pace.intervalMs) {
		start = Math.max(start, pace.nextSlot);
		pace.nextSlot = start + pace.intervalMs;
	}
	if (start > now) await sleep(start - now);
}
