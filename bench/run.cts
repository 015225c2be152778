/**
 * `npm run bench`: side-by-side figures for the Apideck CRM nodes against the local sandbox.
 * Settings: see lib/flags.cts (`--records`, `--list-latency`, `--creates`, `--create-latency`,
 * `--rate-creates`, `--rate`, `--spaced-creates`, `--parallel`, `--rate-parallel`, `--rate-cap`, `--deliveries`, `--http-deliveries`, `--repeat`,
 * `--leads`, `--lead-concurrency`, `--lead-workers`, `--lead-latency`, `--lead-modes`, `--only`, `--quick`;
 * or BENCH_<NAME> env variables). Prints the machine, then one table per benchmark.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { IDataObject, INodeTypeDescription } from 'n8n-workflow';

import { ApideckCrm } from '../nodes/ApideckCrm/ApideckCrm.node';
import { createsBenchmark } from './creates.cjs';
import { ApideckCrmTrigger } from '../nodes/ApideckCrmTrigger/ApideckCrmTrigger.node';
import { startSandbox } from '../sandbox/apideck/index.cjs';
import type { GetManyJob, GetManyResult } from './contenders/get-many.cjs';
import { runChild } from './lib/child.cjs';
import { descriptionSize } from './lib/description.cjs';
import { settings } from './lib/flags.cjs';
import {
	loadHttpRequestNode,
	locateNodesBase,
	nodesBaseVersion,
} from './lib/http-request-node.cjs';
import { fmt, mb, median, ratio, table } from './lib/stats.cjs';
import { leadRoutingBenchmark } from './lib/lead-routing.cjs';
import { httpCost, moduleCost } from './lib/trigger.cjs';

const PAGE = 200;
const out = (text = '') => process.stdout.write(`${text}\n`);
const nodesBase = locateNodesBase();

/** The commit measured, and whether the node sources differ from it. */
function codeVersion(): string {
	const git = (...args: string[]) =>
		spawnSync('git', args, { cwd: join(__dirname, '..'), encoding: 'utf8' }).stdout?.trim() ?? '';
	const head = git('rev-parse', '--short', 'HEAD') || 'not a git checkout';
	const dirty = git('status', '--porcelain', '--', 'nodes', 'credentials');
	return dirty ? `${head} + uncommitted changes in nodes/ or credentials/` : head;
}

function machine() {
	const cpu = cpus();
	const pkg = (name: string) =>
		(
			JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as {
				version: string;
			}
		).version;
	out('# Apideck CRM node benchmarks');
	out(`Date:    ${new Date().toISOString()}`);
	out(
		`Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${fmt(totalmem() / 2 ** 30, 0)} GiB RAM, ${platform()} ${release()}`,
	);
	out(
		`Node:    ${process.version}; n8n-core ${pkg('n8n-core')}, n8n-workflow ${pkg('n8n-workflow')}`,
	);
	out(
		`HTTP Request node: ${nodesBase ? `n8n-nodes-base ${nodesBaseVersion(nodesBase.dir)} from the ${nodesBase.source}` : 'not found (run `npm run n8n:install` or set N8N_NODES_BASE_DIR) — its rows are skipped'}`,
	);
	out(`Code:    ${codeVersion()}`);
	out(`Settings: ${JSON.stringify(settings)}`);
	out();
}

function lead(i: number): IDataObject {
	return {
		id: `lead-${String(i).padStart(5, '0')}`,
		name: `Lead ${i}`,
		first_name: 'Ada',
		last_name: `Lovelace ${i}`,
		company_name: `Company ${i % 300}`,
		title: 'Head of Operations',
		status: i % 3 ? 'open' : 'qualified',
		lead_source: 'web',
		owner_id: `user-${i % 12}`,
		emails: [{ email: `lead${i}@example.com`, type: 'primary' }],
		phone_numbers: [{ number: `+1 555 01${String(i % 10000).padStart(4, '0')}`, type: 'mobile' }],
		tags: ['bench', i % 2 ? 'odd' : 'even'],
		description: 'Imported for the Get Many benchmark.',
	};
}

async function listBenchmark() {
	out(
		`## 1. Get Many, Return All over ${settings.records.toLocaleString('en-US')} records (${settings.listLatencyMs} ms server latency, median of ${settings.repeat} child processes each)`,
	);
	const sandbox = await startSandbox({ latencyMs: settings.listLatencyMs });
	sandbox.store.insertMany(
		'leads',
		Array.from({ length: settings.records }, (_, i) => lead(i)),
	);
	sandbox.store.insertMany(
		'contacts',
		Array.from({ length: 400 }, (_, i) => ({ id: `c-${i}`, name: `Contact ${i}` })),
	);
	const contenders: Array<{ key: GetManyJob['contender']; label: string }> = [
		{ key: 'undici', label: '(a) plain undici cursor loop' },
		{ key: 'node', label: 'Apideck CRM node (Get Many)' },
		...(nodesBase ? [{ key: 'http' as const, label: '(b) HTTP Request node + pagination' }] : []),
	];
	const rows: Record<string, { requests: number[]; runs: GetManyResult[] }> = {};
	try {
		for (const contender of contenders) {
			rows[contender.key] = { requests: [], runs: [] };
			for (let i = 0; i < settings.repeat; i++) {
				sandbox.clearRequests();
				const result = await runChild<GetManyResult>('contenders/get-many.cts', {
					contender: contender.key,
					url: sandbox.url,
					apiKey: sandbox.apiKey,
					appId: sandbox.appId,
					consumerId: 'test-consumer',
					resource: 'lead',
					path: '/crm/leads',
					warmResource: 'contact',
					warmPath: '/crm/contacts',
					nodesBaseDir: nodesBase?.dir,
				} satisfies GetManyJob);
				rows[contender.key].requests.push(
					sandbox.requests.filter((r) => r.path === '/crm/leads').length,
				);
				rows[contender.key].runs.push(result);
			}
		}
	} finally {
		await sandbox.close();
	}
	const expected = Math.ceil(settings.records / PAGE);
	const m = (key: string, pick: (r: GetManyResult) => number) =>
		median(rows[key]?.runs.map(pick) ?? []);
	const body = contenders.map(({ key, label }) => {
		const requests = Math.max(...rows[key].requests);
		const records = Math.min(...rows[key].runs.map((r) => r.uniqueIds));
		return [
			label,
			`${requests}${requests === expected ? ' ✔' : ` ✘ (want ${expected})`}`,
			`${records.toLocaleString('en-US')}${records === settings.records ? '' : ' ✘'}`,
			String(rows[key].runs[0].outputItems),
			fmt(
				m(key, (r) => r.wallMs),
				0,
			),
			ratio(
				m(key, (r) => r.wallMs),
				m('node', (r) => r.wallMs),
			),
			fmt(mb(m(key, (r) => r.heapDeltaBytes))),
			ratio(
				m(key, (r) => r.heapDeltaBytes),
				m('node', (r) => r.heapDeltaBytes),
			),
			fmt(mb(m(key, (r) => r.rssDeltaBytes))),
			fmt(mb(m(key, (r) => r.maxRssBytes)), 0),
		];
	});
	out(
		table(
			[
				'contender',
				'requests',
				'unique records',
				'output items',
				'wall ms',
				'wall vs node',
				'peak heap Δ MB',
				'heap vs node',
				'peak RSS Δ MB',
				'max RSS MB',
			],
			body,
		),
	);
	out(
		'Memory: each run is its own child process (node --expose-gc): warm-up list of 400 records, gc(),',
	);
	out(
		'baseline, then heapUsed/RSS sampled every 2 ms during the measured run; Δ = peak − baseline.',
	);
	out(
		"max RSS = the child's kernel high-water mark (includes loading n8n-core). The HTTP Request node",
	);
	out('outputs one item per page (the Apideck envelope); records are counted inside those pages.');
	const nodeVsLoop = m('node', (r) => r.wallMs) / m('undici', (r) => r.wallMs);
	out(
		`Target (issue 13): Get Many within 1.1× of the plain undici loop: ${fmt(nodeVsLoop, 2)}× — ${nodeVsLoop <= 1.1 ? 'met' : 'NOT MET'}`,
	);
	out();
}

function triggerModules() {
	out(
		`## 3. Trigger: per-delivery cost over ${settings.deliveries.toLocaleString('en-US')} deliveries`,
	);
	const cost = moduleCost(settings.deliveries);
	const row = (label: string, p: { p50: number; p99: number; mean: number }) => [
		label,
		fmt(p.p50, 1),
		fmt(p.p99, 1),
		fmt(p.mean, 1),
	];
	out(
		table(
			['stage (trigger modules, in process)', 'p50 µs', 'p99 µs', 'mean µs'],
			[
				row('JSON.parse of the raw body', cost.parse),
				row('signature (canonical JSON + HMAC-SHA256)', cost.signature),
				row('validation (zod schema)', cost.validation),
				row('filtering (events, consumer, service)', cost.filter),
				row('total', cost.total),
			],
		),
	);
	out(
		`${cost.passed} deliveries passed the filter, ${cost.rejected} were filtered out (by design of the mix).`,
	);
	return cost;
}

async function triggerHttp() {
	if (!settings.httpDeliveries) return;
	const cost = await httpCost(settings.httpDeliveries);
	out(
		table(
			['whole delivery over HTTP (webhook host + n8n-core)', 'p50 ms', 'p99 ms', 'mean ms'],
			[
				[
					`${settings.httpDeliveries} sequential POSTs`,
					fmt(cost.latency.p50, 2),
					fmt(cost.latency.p99, 2),
					fmt(cost.latency.mean, 2),
				],
			],
		),
	);
	out(
		`${cost.accepted} answered 200, ${cost.errors} other; ${cost.executions} executions started (filtered-out and duplicate deliveries start none).`,
	);
	out();
}

function descriptions() {
	out('## 4. Node description size (what the editor loads)');
	const rows = [
		descriptionSize('Apideck CRM', new ApideckCrm().description),
		descriptionSize('Apideck CRM Trigger', new ApideckCrmTrigger().description),
	];
	if (nodesBase) {
		const http = loadHttpRequestNode(nodesBase.dir).nodeVersions[4.2].description;
		rows.push(descriptionSize('(reference) HTTP Request v4.2', http as INodeTypeDescription));
	}
	out(
		table(
			['node', 'top-level properties', 'JSON bytes', 'gzip bytes'],
			rows.map((r) => [
				r.name,
				String(r.properties),
				r.jsonBytes.toLocaleString('en-US'),
				r.gzipBytes.toLocaleString('en-US'),
			]),
		),
	);
	out();
}

async function main() {
	const started = Date.now();
	machine();
	const want = (part: string) => settings.only.includes(part);
	if (want('list')) await listBenchmark();
	if (want('trigger')) {
		triggerModules();
		await triggerHttp();
	}
	if (want('description')) descriptions();
	if (want('creates')) await createsBenchmark();
	if (want('lead-routing')) await leadRoutingBenchmark();
	out(`Total benchmark time: ${fmt((Date.now() - started) / 1000, 0)} s`);
}

main().catch((error: unknown) => {
	process.stderr.write(`Benchmark failed: ${(error as Error)?.stack ?? String(error)}\n`);
	process.exit(1);
});
