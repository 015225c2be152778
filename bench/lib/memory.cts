/**
 * Peak memory of one measured run inside a child process. Before the run the child has loaded
 * everything and done a small warm-up; then gc() (node --expose-gc) and a baseline. While the run
 * goes, heapUsed and RSS are sampled every 2 ms (and once more at the end, while the result is
 * still referenced). Reported: the peak heap growth over the baseline, the peak RSS growth over
 * the baseline, and the kernel's RSS high-water mark of the whole child (resourceUsage().maxRSS).
 */
export interface MemoryPeak {
	heapDeltaBytes: number;
	rssDeltaBytes: number;
	maxRssBytes: number;
}

export async function measurePeak<T>(
	run: () => Promise<T>,
): Promise<{ result: T; wallMs: number; memory: MemoryPeak }> {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (!gc) throw new Error('run the child with --expose-gc');
	gc();
	gc();
	const base = process.memoryUsage();
	let heap = base.heapUsed;
	let rss = base.rss;
	const sample = () => {
		const now = process.memoryUsage();
		if (now.heapUsed > heap) heap = now.heapUsed;
		if (now.rss > rss) rss = now.rss;
	};
	const timer = setInterval(sample, 2);
	const started = process.hrtime.bigint();
	const result = await run();
	const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
	sample();
	clearInterval(timer);
	return {
		result,
		wallMs,
		memory: {
			heapDeltaBytes: heap - base.heapUsed,
			rssDeltaBytes: rss - base.rss,
			maxRssBytes: process.resourceUsage().maxRSS * 1024,
		},
	};
}
