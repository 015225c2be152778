/**
 * Part 2 of `npm run bench`: creates side by side, one child process and sandbox per run —
 * without a limit, against a per-second limit, and against a limiter that allows no burst — with
 * the adaptive pace (the default) next to the hand-set one, and the issue-13 targets marked
 * met or not met under the table.
 */
import type { INodeProperties } from 'n8n-workflow';

import { ApideckCrm } from '../nodes/ApideckCrm/ApideckCrm.node';
import type { CreatesJob, CreatesResult } from './contenders/creates.cjs';
import { runChild } from './lib/child.cjs';
import { settings } from './lib/flags.cjs';
import { fmt, ratio, table } from './lib/stats.cjs';

const out = (text = '') => process.stdout.write(`${text}\n`);

/** Names of the pacing options the node offers on lead create (none before they were added). */
function nodePacingOptions(): Set<string> {
	const props = new ApideckCrm().description.properties;
	const names = new Set<string>();
	for (const p of props as INodeProperties[]) {
		const show = p.displayOptions?.show;
		if (p.name !== 'options' || !(show?.resource as string[] | undefined)?.includes('lead'))
			continue;
		if (!(show?.operation as string[] | undefined)?.includes('create')) continue;
		for (const o of p.options ?? []) if ('name' in o) names.add(o.name);
	}
	return new Set(['itemsInParallel', 'requestsPerSecond'].filter((n) => names.has(n)));
}

interface Row {
	scenario: string;
	label: string;
	job?: CreatesJob;
	/** Key for the targets below the table. */
	key?: string;
}

function rows(fixedOk: boolean): Row[] {
	const plain = { count: settings.creates, latencyMs: settings.createLatencyMs };
	const rate = `${settings.ratePerSecond} req/s`;
	const limited = {
		count: settings.rateCreates,
		latencyMs: settings.createLatencyMs,
		ratePerSecond: settings.ratePerSecond,
	};
	const spaced = { ...limited, count: settings.spacedCreates, limiter: 'spaced' as const };
	const noBurst = `${settings.ratePerSecond} req/s, no burst`;
	const fixed = (job: CreatesJob) => (fixedOk ? job : undefined);
	return [
		{
			scenario: 'no limit',
			label: 'baseline: undici, one at a time',
			job: { contender: 'baseline', ...plain },
		},
		{
			scenario: 'no limit',
			label: 'node, all defaults (adaptive)',
			job: { contender: 'node', ...plain },
			key: 'full',
		},
		{
			scenario: 'no limit',
			label: 'node, Full Record off (adaptive)',
			job: { contender: 'node-id', ...plain },
			key: 'id',
		},
		{
			scenario: 'no limit',
			label: 'node, Full Record off, fixed: Items in Parallel 1',
			job: fixed({ contender: 'node-paced', ...plain, itemsInParallel: 1 }),
		},
		{
			scenario: 'no limit',
			label: `node, Full Record off, fixed: Items in Parallel ${settings.parallel}`,
			job: fixed({ contender: 'node-paced', ...plain, itemsInParallel: settings.parallel }),
		},
		{
			scenario: rate,
			label: 'baseline: undici, one at a time',
			job: { contender: 'baseline', ...limited },
		},
		{
			scenario: rate,
			label: 'node, all defaults (adaptive)',
			job: { contender: 'node', ...limited },
			key: 'rate',
		},
		{
			scenario: rate,
			label: 'node, Full Record off (adaptive)',
			job: { contender: 'node-id', ...limited },
		},
		{
			scenario: rate,
			label: `node, Full Record off, fixed: ${settings.rateParallel} in parallel, max ${settings.rateCap} req/s`,
			job: fixed({
				contender: 'node-paced',
				...limited,
				itemsInParallel: settings.rateParallel,
				requestsPerSecond: settings.rateCap,
			}),
		},
		{
			scenario: noBurst,
			label: 'node, all defaults (adaptive)',
			job: { contender: 'node', ...spaced },
			key: 'spaced',
		},
		{
			scenario: noBurst,
			label: 'node, Full Record off, fixed: Items in Parallel 5 (the old default)',
			job: fixed({ contender: 'node-paced', ...spaced, itemsInParallel: 5 }),
		},
	];
}

/** Runs every row: rate-limited ones together (they mostly wait), the others one after another. */
async function runAll(jobs: Row[]): Promise<Array<CreatesResult | undefined>> {
	const run = (j: Row) =>
		j.job ? runChild<CreatesResult>('contenders/creates.cts', j.job) : Promise.resolve(undefined);
	const startAt = Date.now() + 15_000;
	const results: Array<CreatesResult | undefined> = new Array(jobs.length);
	const limitedRuns = jobs.map(async (j, i) => {
		if (!j.job?.ratePerSecond) return;
		j.job.startAt = startAt;
		results[i] = await run(j);
	});
	// Let the rate-limited children finish starting up before anything is timed.
	await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
	for (const [i, j] of jobs.entries()) {
		if (j.job && !j.job.ratePerSecond) results[i] = await run(j);
	}
	await Promise.all(limitedRuns);
	return results;
}

const percent = (value: number) => `${fmt(100 * value, 1)} %`;
const accepted = (r: CreatesResult) => r.requests - r.rejected429;
const shareOfRate = (r: CreatesResult, job: CreatesJob) =>
	accepted(r) / (r.wallMs / 1000) / (job.ratePerSecond ?? 1);

/** The targets of issue 13, each with its figure and met / not met. */
function targets(jobs: Row[], results: Array<CreatesResult | undefined>): string[] {
	const at = (key: string) => {
		const i = jobs.findIndex((j) => j.key === key);
		return { job: jobs[i]?.job, r: results[i] };
	};
	const base =
		results[jobs.findIndex((j) => j.scenario === 'no limit' && j.job?.contender === 'baseline')];
	const line = (name: string, met: boolean | undefined, figure: string) =>
		`- ${name}: ${figure} — ${met === undefined ? 'not measured' : met ? 'met' : 'NOT MET'}`;
	const speedUp = (key: string, want: number, name: string) => {
		const { r } = at(key);
		if (!r || !base) return line(name, undefined, '–');
		const x = base.wallMs / r.wallMs;
		return line(name, x >= want && r.failures === 0, `${fmt(x, 2)}×, ${r.failures} failed`);
	};
	const rate = at('rate');
	const spaced = at('spaced');
	return [
		'Targets (issue 13, all defaults):',
		speedUp('id', 10, 'no limit, Return Full Record off: ≥ 10× the baseline'),
		speedUp('full', 5, 'no limit, Return Full Record on: ≥ 5× the baseline'),
		rate.r && rate.job
			? line(
					`${settings.ratePerSecond} req/s: ≥ 95 % of the allowed rate, 0 failed, 0 duplicates, < 5 % answered 429`,
					shareOfRate(rate.r, rate.job) >= 0.95 &&
						rate.r.failures === 0 &&
						rate.r.duplicates === 0 &&
						rate.r.rejected429 / rate.r.requests < 0.05,
					`${percent(shareOfRate(rate.r, rate.job))} of the rate, ${rate.r.failures} failed, ${rate.r.duplicates} duplicates, ${percent(rate.r.rejected429 / rate.r.requests)} answered 429`,
				)
			: line('rate limit', undefined, '–'),
		spaced.r
			? line(
					'no-burst limiter: 0 failed items',
					spaced.r.failures === 0 && spaced.r.created === spaced.job?.count,
					`${spaced.r.created}/${spaced.job?.count} created, ${spaced.r.failures} failed`,
				)
			: line('no-burst limiter', undefined, '–'),
	];
}

export async function createsBenchmark(): Promise<void> {
	const pacing = nodePacingOptions();
	out(
		`## 2. Creates: ${settings.creates} leads at ${settings.createLatencyMs} ms latency; ${settings.rateCreates} leads with the sandbox limited to ${settings.ratePerSecond} requests/s; ${settings.spacedCreates} against a limiter without bursts`,
	);
	out(
		`Node pacing options found: ${pacing.size ? [...pacing].join(', ') : 'none (the fixed rows are skipped)'}`,
	);
	const jobs = rows(pacing.has('itemsInParallel') && pacing.has('requestsPerSecond'));
	const results = await runAll(jobs);
	const base = (scenario: string) =>
		results[jobs.findIndex((j) => j.scenario === scenario && j.job?.contender === 'baseline')];
	const body = jobs.map((j, i) => {
		const r = results[i];
		if (!r || !j.job)
			return [
				j.scenario,
				j.label,
				'skipped: the node lacks this option',
				'',
				'',
				'',
				'',
				'',
				'',
				'',
				'',
				'',
			];
		const seconds = r.wallMs / 1000;
		const limited = j.job.ratePerSecond !== undefined;
		const baseline = base(j.scenario);
		return [
			j.scenario,
			j.label,
			`${r.created}/${j.job.count}`,
			String(r.requests),
			fmt(seconds, 1),
			fmt(r.created / seconds, 1),
			baseline && !limited ? ratio(baseline.wallMs, r.wallMs) : '–',
			String(r.failures),
			String(r.duplicates),
			limited ? String(r.rejected429) : '–',
			limited ? percent(r.rejected429 / r.requests) : '–',
			limited ? percent(shareOfRate(r, j.job)) : '–',
		];
	});
	out(
		table(
			[
				'limit',
				'contender',
				'created',
				'requests',
				'wall s',
				'creates/s',
				'speed-up vs baseline',
				'failures',
				'duplicates',
				'429s',
				'429 share',
				'share of allowed rate',
			],
			body,
		),
	);
	for (const [i, r] of results.entries()) {
		if (r?.firstError)
			out(
				`  first failure of "${jobs[i].label}" (${jobs[i].scenario}): ${r.firstError.slice(0, 160)}`,
			);
	}
	out(
		'Each run has its own process and sandbox and is timed after a warm-up. Unlimited runs go one',
	);
	out(
		'after another; the rate-limited runs start together alongside them. Share of allowed rate =',
	);
	out('accepted requests per second ÷ the limit; 429 share = 429s ÷ requests; speed-up = baseline');
	out(
		'wall time ÷ this wall time. "No burst": each request must come 1/limit s after the last one.',
	);
	out();
	for (const text of targets(jobs, results)) out(text);
	out();
}
