import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Waits for something another party does asynchronously (a server noticing a closed
 * connection), checking every 20 ms; fails naming `what` if it has not happened after 5 s.
 */
export async function eventually(check: () => boolean, what: string): Promise<void> {
	for (let tries = 0; tries < 250; tries++) {
		if (check()) return;
		await sleep(20);
	}
	throw new Error(`Still waiting for: ${what}`);
}
