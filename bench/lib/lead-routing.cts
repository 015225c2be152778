/**
 * Lead routing in a real n8n, regular mode vs queue mode: the same burst of signed
 * crm.lead.created deliveries (scripts/load/lead-burst.cts) against templates/lead-routing.json,
 * once with one `n8n start` and once with main + workers + a webhook processor, both on a
 * throwaway PostgreSQL (and Redis for queue mode). n8n loads the package from dist/ (run
 * `npm run build` first).
 *
 * Besides leads/min and answer times it records where the time went:
 *  - CPU per process group (each n8n process with its task runner, PostgreSQL, Redis, and this
 *    process: the sandbox and the load generator), from /proc;
 *  - each first delivery's answer split at the moment the trigger's full-record GET reaches the
 *    sandbox: before it (n8n routes the request, loads the workflow, its static data and the
 *    credential, our webhook() checks the signature and dedupes) and after it (the GET itself,
 *    n8n saves static data, inserts the execution, queues or starts it, answers);
 *  - per execution: waiting to start (created → started) and running (started → stopped);
 *  - the database statements by total time (pg_stat_statements).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startDemoStack, type DemoStack } from '../../scripts/demo/stack.cjs';
import { percentiles, runLeadBurst, startedExecution } from '../../scripts/load/lead-burst.cjs';
import type { LeadBurstResult, Percentiles } from '../../scripts/load/lead-burst.cjs';
import { startPostgres, type Postgres, type StatementStat } from '../../scripts/n8n/postgres.cjs';
import type { ExecutionSummary, N8nRestClient } from '../../scripts/n8n/rest-client.cjs';
import { settings } from './flags.cjs';
import { summariseProfiles, type ProfileSummary } from './cpu-profile.cjs';
import { groupProbe, measureCpu, selfProbe, type CpuProbe } from './process-cpu.cjs';
import { fmt, table } from './stats.cjs';

type Mode = 'regular' | 'queue';

interface ModeRun {
	mode: Mode;
	label: string;
	burst: LeadBurstResult;
	cpu: Array<{ label: string; ms: number }>;
	split: { beforeFetch: Percentiles; fromFetch: Percentiles; matched: number };
	executions: { waiting: Percentiles; running: Percentiles; sampled: number };
	statements: StatementStat[];
	/** With --lead-cpu-prof: main-thread profile per kind of n8n process. */
	profiles?: Array<{ kind: string; summary: ProfileSummary }>;
}

const out = (text = '') => process.stdout.write(`${text}\n`);
const ms = (value: number) => fmt(value, 0);
const p = (x: Percentiles) => `${ms(x.p50)} / ${ms(x.p99)}`;

function cpuProbes(stack: DemoStack, postgres: Postgres): CpuProbe[] {
	const queue = stack.queue;
	return [
		groupProbe(queue ? 'n8n main' : 'n8n start', stack.n8n.pid),
		...(queue?.webhookProcessors ?? []).map((w) => groupProbe(`n8n ${w.label}`, w.pid)),
		...(queue?.workers ?? []).map((w) => groupProbe(`n8n ${w.label}`, w.pid)),
		groupProbe('PostgreSQL', postgres.pid),
		...(queue ? [groupProbe('Redis', queue.redis.pid)] : []),
		selfProbe('bench process (sandbox + load)'),
	];
}

/** Each first delivery that started an execution, split at its full-record GET. */
function answerSplit(stack: DemoStack, burst: LeadBurstResult) {
	const gets = new Map<string, number[]>();
	for (const r of stack.sandbox.requests) {
		const m = /^\/crm\/leads\/([^/]+)$/.exec(r.path);
		if (r.method === 'GET' && m) gets.set(m[1], [...(gets.get(m[1]) ?? []), r.at]);
	}
	const before: number[] = [];
	const after: number[] = [];
	for (const d of burst.load.deliveries.filter(startedExecution)) {
		const at = gets.get(d.leadId)?.find((t) => t >= Math.floor(d.sentAt));
		if (at === undefined) continue;
		before.push(at - d.sentAt);
		after.push(d.sentAt + d.answerMs - at);
	}
	return {
		beforeFetch: percentiles(before),
		fromFetch: percentiles(after),
		matched: before.length,
	};
}

async function executionTimes(rest: N8nRestClient, workflowId: string) {
	const all: ExecutionSummary[] = [];
	let lastId: string | undefined;
	for (;;) {
		const page = await rest.listExecutions({ workflowId, status: ['success'] }, 100, lastId);
		all.push(...page);
		if (page.length < 100) break;
		lastId = page[page.length - 1].id;
	}
	const t = (iso?: string | null) => (iso ? Date.parse(iso) : NaN);
	const waiting = all.map((e) => t(e.startedAt) - t(e.createdAt)).filter(Number.isFinite);
	const running = all.map((e) => t(e.stoppedAt) - t(e.startedAt)).filter(Number.isFinite);
	return { waiting: percentiles(waiting), running: percentiles(running), sampled: all.length };
}

/** `--cpu-prof` flags per kind of n8n process, each kind into its own folder. */
function profileFlags(mode: Mode, root: string | undefined) {
	if (!root) return undefined;
	const kinds = mode === 'queue' ? ['webhook', 'worker'] : ['main'];
	return Object.fromEntries(
		kinds.map((kind) => [kind, ['--cpu-prof', `--cpu-prof-dir=${join(root, kind)}`]]),
	) as Record<'main' | 'webhook' | 'worker', string[]>;
}

async function runMode(mode: Mode): Promise<ModeRun> {
	const postgresOptions = { statementStats: true };
	// Regular mode gets the same database as queue mode, so the two differ in n8n only.
	const ownPostgres = mode === 'regular' ? await startPostgres(postgresOptions) : undefined;
	const profileRoot = settings.leadCpuProf
		? mkdtempSync(join(tmpdir(), 'lead-routing-cpu-prof-'))
		: undefined;
	const nodeArgs = profileFlags(mode, profileRoot);
	let stack: DemoStack | undefined;
	let run: ModeRun;
	let window: [bigint, bigint];
	try {
		stack = await startDemoStack({
			activate: true,
			n8n: {
				quietInstall: true,
				env: { ...ownPostgres?.n8nEnv, ...settings.leadEnv },
				nodeArgs: nodeArgs?.main,
			},
			queueMode:
				mode === 'queue'
					? {
							workers: settings.leadWorkers,
							webhookProcessors: 1,
							postgres: postgresOptions,
							env: settings.leadEnv,
							nodeArgs,
						}
					: undefined,
		});
		stack.sandbox.setLatency(settings.leadLatencyMs);
		const postgres = (ownPostgres ?? stack.queue?.postgres) as Postgres;
		postgres.resetStatementStats();
		stack.sandbox.clearRequests();
		const cpu = measureCpu(cpuProbes(stack, postgres));
		const started = process.hrtime.bigint();
		const burst = await runLeadBurst(stack, {
			leads: settings.leads,
			concurrency: settings.leadConcurrency,
			answerTimeoutMs: settings.leadAnswerTimeoutMs,
		});
		window = [started, process.hrtime.bigint()];
		run = {
			mode,
			label:
				mode === 'queue'
					? `queue: main + ${settings.leadWorkers} workers + 1 webhook processor`
					: 'regular: one n8n start',
			burst,
			cpu: cpu(),
			split: answerSplit(stack, burst),
			executions: await executionTimes(stack.n8n.rest, stack.workflow!.id),
			statements: postgres.statementStats(8),
		};
	} finally {
		// n8n writes its profiles when it exits.
		await stack?.stop();
		await ownPostgres?.stop();
	}
	if (profileRoot && nodeArgs) {
		run.profiles = Object.keys(nodeArgs).map((kind) => ({
			kind,
			summary: summariseProfiles(join(profileRoot, kind), ...window),
		}));
		rmSync(profileRoot, { recursive: true, force: true });
	}
	return run;
}

function summaryTable(runs: ModeRun[]) {
	out(
		table(
			[
				'mode',
				'routed',
				'lost',
				'twice',
				'executions ok / failed',
				'POSTs (not 2xx)',
				'wall s',
				'leads/min',
				'answer p50 / p99 ms',
				'max ms',
			],
			runs.map(({ label, burst }) => {
				const r = burst.routing;
				const lost = new Set([...r.noOwner, ...r.noTask]).size;
				const failed =
					burst.executions.error + burst.executions.crashed + burst.executions.canceled;
				const wall = ((burst.routedAt ?? burst.load.finishedAt) - burst.load.startedAt) / 1000;
				return [
					label,
					`${r.routed}/${r.leads}`,
					String(lost),
					String(r.duplicateTasks.length),
					`${burst.executions.success} / ${failed}`,
					`${burst.load.deliveries.length} (${burst.load.deliveries.filter((d) => d.status < 200 || d.status > 299).length})`,
					fmt(wall, 1),
					fmt(burst.leadsPerMinute, 0),
					p(burst.answers.first),
					ms(burst.answers.first.max),
				];
			}),
		),
	);
}

/** Main-thread time per routed lead by code group, per kind of n8n process (--lead-cpu-prof). */
function profileTable(run: ModeRun) {
	if (!run.profiles?.length) return;
	const n = run.burst.load.leads.length;
	const groups = [...new Set(run.profiles.flatMap((p) => p.summary.byGroup.map((g) => g.group)))];
	const msOf = (summary: ProfileSummary, group: string) =>
		summary.byGroup.find((g) => g.group === group)?.ms ?? 0;
	out();
	out(
		`Main-thread CPU profile, ${run.mode} mode: share of the sampled busy time, and sampled ms per routed lead`,
	);
	const cell = (summary: ProfileSummary, ms: number) =>
		`${fmt((100 * ms) / summary.busyMs, 0)} % · ${fmt(ms / n, 1)}`;
	out(
		table(
			['code', ...run.profiles.map((p) => `n8n ${p.kind}`)],
			[
				...groups.map((g) => [g, ...run.profiles!.map((p) => cell(p.summary, msOf(p.summary, g)))]),
				['total sampled', ...run.profiles.map((p) => cell(p.summary, p.summary.busyMs))],
			],
		),
	);
	for (const p of run.profiles) {
		if (!p.summary.ownFunctions.length) continue;
		out(
			`  this package in n8n ${p.kind}: ${p.summary.ownFunctions.map((f) => `${f.name} ${fmt(f.ms / n, 2)}`).join(' · ')}`,
		);
	}
}

function profileTables(runs: ModeRun[]) {
	const labels = [...new Set(runs.flatMap((r) => r.cpu.map((c) => c.label)))];
	out();
	out('CPU per routed lead (ms of CPU time, user + system, per process group):');
	out(
		table(
			['process', ...runs.map((r) => r.mode)],
			[
				...labels.map((label) => [
					label,
					...runs.map((r) => {
						const c = r.cpu.find((x) => x.label === label);
						return c ? fmt(c.ms / r.burst.load.leads.length, 1) : '–';
					}),
				]),
				[
					'total',
					...runs.map((r) =>
						fmt(r.cpu.reduce((a, c) => a + c.ms, 0) / r.burst.load.leads.length, 1),
					),
				],
			],
		),
	);
	out();
	out('Where a delivery answer and an execution spend their time (p50 / p99 ms):');
	out(
		table(
			['stage', ...runs.map((r) => r.mode)],
			[
				[
					'answer: sent → trigger fetches the full record',
					...runs.map((r) => p(r.split.beforeFetch)),
				],
				['answer: record fetch → answer received', ...runs.map((r) => p(r.split.fromFetch))],
				['execution: created → started', ...runs.map((r) => p(r.executions.waiting))],
				['execution: started → finished', ...runs.map((r) => p(r.executions.running))],
			],
		),
	);
	for (const run of runs) profileTable(run);
	for (const run of runs) {
		out();
		out(`Database statements by total time, ${run.mode} mode (per routed lead):`);
		const n = run.burst.load.leads.length;
		out(
			table(
				['statement', 'calls', 'ms', 'mean ms'],
				run.statements.map((s) => [
					s.query.length > 90 ? `${s.query.slice(0, 87)}...` : s.query,
					fmt(s.calls / n, 2),
					fmt(s.totalMs / n, 2),
					fmt(s.meanMs, 2),
				]),
			),
		);
	}
}

export async function leadRoutingBenchmark() {
	const modes = settings.leadModes.filter((m): m is Mode => m === 'regular' || m === 'queue');
	out(
		`## 5. Lead routing in a real n8n: ${settings.leads.toLocaleString('en-US')} signed lead deliveries, ${settings.leadConcurrency} at a time, 1 in 20 twice at once and 1 in 20 again later; sandbox latency ${settings.leadLatencyMs} ms`,
	);
	const env = Object.entries(settings.leadEnv);
	out(
		`n8n settings: ${env.length ? env.map(([k, v]) => `${k}=${v}`).join(' ') : "n8n's defaults"}`,
	);
	const runs: ModeRun[] = [];
	for (const mode of modes) runs.push(await runMode(mode));
	summaryTable(runs);
	profileTables(runs);
	out();
	out(
		'Wall = first delivery sent → last follow-up task created; leads/min = correctly routed leads ÷ wall.',
	);
	out(
		'Answer = one POST, sent → answer read (first deliveries). Both modes use a throwaway PostgreSQL',
	);
	out(
		`(fsync off) and load the built dist/. A delivery not answered within ${fmt(settings.leadAnswerTimeoutMs / 1000, 0)} s is retried.`,
	);
	out('Figures on a shared machine vary from run to run: compare CPU per lead first.');
	out();
}
