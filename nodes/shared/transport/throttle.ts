import { sleep } from 'n8n-workflow';

/**
 * When Apideck answers 429 to one request, the others the same node run has in flight would
 * hit the same limit: every request of that run waits until the time the server asked for.
 */
const pausedUntil = new WeakMap<object, number>();

export function pauseRequests(ctx: object, ms: number): void {
	const until = Date.now() + ms;
	if ((pausedUntil.get(ctx) ?? 0) < until) pausedUntil.set(ctx, until);
}

export async function waitIfPaused(ctx: object): Promise<void> {
	const wait = (pausedUntil.get(ctx) ?? 0) - Date.now();
	if (wait > 0) await sleep(wait);
}
