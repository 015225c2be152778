/**
 * Benchmark settings: `--name value` / `--name=value` flags win over BENCH_<NAME> env variables,
 * which win over the defaults. `--quick` scales the create runs down for a fast smoke run.
 */
const args = process.argv.slice(2);

function raw(name: string): string | undefined {
	const i = args.indexOf(`--${name}`);
	if (i !== -1 && args[i + 1] !== undefined && !args[i + 1].startsWith('--')) return args[i + 1];
	const inline = args.find((a) => a.startsWith(`--${name}=`));
	if (inline) return inline.slice(name.length + 3);
	return process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
}

export const has = (name: string) => args.includes(`--${name}`);

function num(name: string, fallback: number): number {
	const value = raw(name);
	if (value === undefined || value === '') return fallback;
	const parsed = Number(value);
	if (!Number.isFinite(parsed) || parsed < 0)
		throw new Error(`--${name} must be a number ≥ 0, got "${value}"`);
	return parsed;
}

const quick = has('quick') || process.env.BENCH_QUICK === '1';

export const settings = {
	quick,
	/** Records listed by the Get Many comparison. */
	records: num('records', 10_000),
	/** Server latency of every list request (ms). */
	listLatencyMs: num('list-latency', 20),
	/** Child processes per Get Many contender; the median is reported. */
	repeat: num('repeat', 3),
	/** Creates in the throughput comparison, and their server latency. */
	creates: num('creates', quick ? 100 : 1000),
	createLatencyMs: num('create-latency', 50),
	/** Creates against the rate-limited sandbox, and its limit. */
	rateCreates: num('rate-creates', quick ? 60 : 1000),
	ratePerSecond: num('rate', 10),
	/** Creates against a limiter that allows no burst at all (requests spaced at --rate). */
	spacedCreates: num('spaced-creates', quick ? 40 : 100),
	/** Node options Items in Parallel and Max Requests per Second for the paced rows. */
	parallel: num('parallel', 10),
	rateParallel: num('rate-parallel', 10),
	rateCap: num('rate-cap', 10),
	/** Deliveries timed in the trigger benchmark (modules) and over HTTP (host). */
	deliveries: num('deliveries', 10_000),
	httpDeliveries: num('http-deliveries', quick ? 300 : 2000),
	/** Lead routing in a real n8n: deliveries, in flight at once, workers, sandbox latency. */
	leads: num('leads', quick ? 200 : 1000),
	leadConcurrency: num('lead-concurrency', 8),
	leadWorkers: num('lead-workers', 2),
	leadLatencyMs: num('lead-latency', 0),
	/** How long a lead delivery waits for n8n's answer before it is retried (ms). */
	leadAnswerTimeoutMs: num('lead-answer-timeout', 60_000),
	/** Extra n8n environment for every lead-routing process, `NAME=value,NAME=value`. */
	leadEnv: Object.fromEntries(
		(raw('lead-env') ?? '')
			.split(',')
			.filter(Boolean)
			.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
	) as Record<string, string>,
	/** Profile the n8n processes' main threads (node --cpu-prof) during the lead burst. */
	leadCpuProf: has('lead-cpu-prof'),
	/** Which n8n setups the lead-routing bench compares: regular, queue. */
	leadModes: (raw('lead-modes') ?? 'regular,queue').split(',').map((s) => s.trim()),
	/** Which parts to run: comma list of list,creates,trigger,description,lead-routing (default all). */
	only: (raw('only') ?? 'list,creates,trigger,description,lead-routing')
		.split(',')
		.map((s) => s.trim()),
};

export type Settings = typeof settings;
