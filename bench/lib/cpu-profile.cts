/**
 * Reads the `.cpuprofile` files `node --cpu-prof` writes when a process exits, keeps the samples
 * of a time window (the measured burst), and says which code the main thread's time went to.
 *
 * Each sample is charged to the innermost frame that belongs to a package (node_modules/<name>)
 * or to n8n's own code: time inside Node built-ins (crypto, http, JSON) goes to whoever called
 * them. V8's own entries — (garbage collector), (program) — stay as they are; (idle) is dropped.
 * Profile timestamps are CLOCK_MONOTONIC µs, the clock of process.hrtime().
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string };
	children?: number[];
}

interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	samples: number[];
	timeDeltas: number[];
}

/** Groups of code by the package a script belongs to (its innermost node_modules/<name>). */
const GROUPS: Array<[string, RegExp]> = [
	['this package (n8n-nodes-apideck-crm)', /^n8n-nodes-apideck-crm$/],
	[
		'expression engine (isolated-vm, @n8n/expression-runtime)',
		/^(isolated-vm|@n8n\/expression-runtime)$/,
	],
	['database (TypeORM, pg)', /^(typeorm|@n8n\/typeorm|pg|pg-[a-z-]+|postgres-[a-z-]+)$/],
	['queue (Bull, ioredis)', /^(bull|ioredis|@ioredis\/.+)$/],
	[
		'HTTP server (express and middleware)',
		/^(express|body-parser|raw-body|router|finalhandler|send|on-finished|compression)$/,
	],
	['n8n-workflow', /^n8n-workflow$/],
	['n8n-core', /^n8n-core$/],
	['n8n (cli, @n8n/*)', /^(n8n|@n8n\/.+)$/],
];

function group(url: string): string | undefined {
	if (!url || url.startsWith('node:')) return undefined;
	const packages = [...url.matchAll(/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)];
	const pkg = packages.at(-1)?.[1];
	if (!pkg) return 'other code';
	return GROUPS.find(([, pattern]) => pattern.test(pkg))?.[0] ?? 'other packages';
}

export interface ProfileSummary {
	/** Sampled main-thread ms in the window (idle excluded). */
	busyMs: number;
	byGroup: Array<{ group: string; ms: number }>;
	/** The busiest functions of this package, by self + callee time charged to them. */
	ownFunctions: Array<{ name: string; ms: number }>;
}

/** Summarises every profile in `dir`, keeping samples between the two hrtime values (ns). */
export function summariseProfiles(dir: string, fromNs: bigint, toNs: bigint): ProfileSummary {
	const byGroup = new Map<string, number>();
	const own = new Map<string, number>();
	let busyMs = 0;
	for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
		const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
		const parent = new Map<number, number>();
		const byId = new Map<number, ProfileNode>();
		for (const node of profile.nodes) {
			byId.set(node.id, node);
			for (const child of node.children ?? []) parent.set(child, node.id);
		}
		const charged = new Map<number, { group: string; ownName?: string }>();
		const chargeOf = (id: number) => {
			let cached = charged.get(id);
			if (cached) return cached;
			const leaf = byId.get(id)?.callFrame;
			const special = leaf && /^\((garbage collector|program|idle|root)\)$/.test(leaf.functionName);
			let ownName: string | undefined;
			let name: string | undefined = special ? leaf.functionName : undefined;
			for (let at: number | undefined = id; !name && at !== undefined; at = parent.get(at)) {
				const frame = byId.get(at)?.callFrame;
				name = frame ? group(frame.url) : undefined;
				if (frame && name?.startsWith('this package')) {
					ownName = `${frame.functionName || '(anonymous)'} (${frame.url.split('/n8n-nodes-apideck-crm/')[1] ?? frame.url})`;
				}
			}
			cached = { group: name ?? 'Node built-ins (no caller found)', ownName };
			charged.set(id, cached);
			return cached;
		};
		let t = profile.startTime;
		const from = Number(fromNs / 1000n);
		const to = Number(toNs / 1000n);
		profile.samples.forEach((id, i) => {
			t += profile.timeDeltas[i];
			const delta = profile.timeDeltas[i + 1] ?? 0;
			if (t < from || t > to) return;
			const { group: g, ownName } = chargeOf(id);
			if (g === '(idle)') return;
			const ms = delta / 1000;
			busyMs += ms;
			byGroup.set(g, (byGroup.get(g) ?? 0) + ms);
			if (ownName) own.set(ownName, (own.get(ownName) ?? 0) + ms);
		});
	}
	const sorted = (m: Map<string, number>) =>
		[...m].sort((a, b) => b[1] - a[1]).map(([name, ms]) => ({ name, ms }));
	return {
		busyMs,
		byGroup: sorted(byGroup).map(({ name, ms }) => ({ group: name, ms })),
		ownFunctions: sorted(own).slice(0, 8),
	};
}
