/** Waiting in e2e tests, where n8n runs in another process: polls, never fixed expectations. */
export const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` every 100 ms until it returns a value, or fails after `timeoutMs`. */
export async function waitFor<T>(
	what: string,
	probe: () => T | undefined,
	timeoutMs = 20_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(100);
	}
}
