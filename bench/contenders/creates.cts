/**
 * Child process: creates `count` leads against its own sandbox (latency, optional rate limit)
 * with one contender, and reports time, requests, failures and duplicates:
 *   baseline   – undici, one POST at a time, no retries (what a plain script does)
 *   node       – the Apideck CRM node as users get it (Return Full Record on: POST + GET per item)
 *   node-id    – the node with Return Full Record off (one POST per item)
 *   node-paced – the node with explicit Items in Parallel / Max Requests per Second options
 * (node and node-id use adaptive pacing, the default; node-paced the hand-set pace).
 * Node runs use "continue on fail" so a failed item is counted instead of ending the run.
 * Each child warms up on 3 contacts, then waits for `startAt` so that runs going side by side do
 * not time each other's start-up.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { request } from 'undici';

import { runNode } from '../../test/helpers/engine.cjs';
import { startSandbox, type Sandbox } from '../../sandbox/apideck/index.cjs';
import { childJob, reply } from '../lib/child.cjs';

export interface CreatesJob {
	contender: 'baseline' | 'node' | 'node-id' | 'node-paced';
	count: number;
	latencyMs: number;
	ratePerSecond?: number;
	/** The sandbox limiter: per sliding second (bursts allowed) or spaced (no burst at all). */
	limiter?: 'window' | 'spaced';
	/** Options → Items in Parallel / Max Requests per Second (node-paced only). */
	itemsInParallel?: number;
	requestsPerSecond?: number;
	/** Epoch ms at which the measured run starts. */
	startAt?: number;
}

export interface CreatesResult {
	wallMs: number;
	requests: number;
	created: number;
	failures: number;
	duplicates: number;
	rejected429: number;
	firstError?: string;
}

interface Outcome {
	failures: number;
	firstError?: string;
}

const job = childJob<CreatesJob>();

async function viaUndici(sandbox: Sandbox, path: string, names: string[]): Promise<Outcome> {
	const headers = {
		authorization: `Bearer ${sandbox.apiKey}`,
		'x-apideck-app-id': sandbox.appId,
		'x-apideck-consumer-id': 'test-consumer',
		'content-type': 'application/json',
	};
	const outcome: Outcome = { failures: 0 };
	for (const name of names) {
		const response = await request(`${sandbox.url}${path}`, {
			method: 'POST',
			headers,
			body: JSON.stringify({ name }),
		});
		const text = await response.body.text();
		if (response.statusCode !== 201) {
			outcome.failures++;
			outcome.firstError ??= `HTTP ${response.statusCode}: ${text.slice(0, 200)}`;
		}
	}
	return outcome;
}

async function viaNode(sandbox: Sandbox, resource: string, names: string[]): Promise<Outcome> {
	const options: IDataObject = {};
	if (job.contender !== 'node') options.returnRecord = false;
	if (job.contender === 'node-paced') {
		if (job.itemsInParallel !== undefined) options.itemsInParallel = job.itemsInParallel;
		if (job.requestsPerSecond !== undefined) options.requestsPerSecond = job.requestsPerSecond;
	}
	const { items, error } = await runNode({
		type: 'apideckCrm',
		parameters: {
			resource,
			operation: 'create',
			name: '={{ $json.name }}',
			options: options as INodeParameters,
		},
		input: names.map((name) => ({ json: { name } })),
		credentials: {
			apiKey: sandbox.apiKey,
			appId: sandbox.appId,
			consumerId: 'test-consumer',
			serviceId: '',
			baseUrl: sandbox.url,
		},
		continueOnFail: true,
	});
	if (error) throw error;
	const outcome: Outcome = { failures: 0 };
	for (const item of items) {
		if (item.json.error !== undefined) {
			outcome.failures++;
			outcome.firstError ??= String(item.json.error);
		}
	}
	if (items.length !== names.length) {
		outcome.failures += Math.max(0, names.length - items.length);
		outcome.firstError ??= `only ${items.length} of ${names.length} items came out`;
	}
	return outcome;
}

const create = (sandbox: Sandbox, warmUp: boolean, names: string[]) =>
	job.contender === 'baseline'
		? viaUndici(sandbox, warmUp ? '/crm/contacts' : '/crm/leads', names)
		: viaNode(sandbox, warmUp ? 'contact' : 'lead', names);

async function main() {
	const sandbox = await startSandbox({
		latencyMs: job.latencyMs,
		rateLimit: job.ratePerSecond
			? { perSecond: job.ratePerSecond, kind: job.limiter ?? 'window' }
			: undefined,
	});
	await create(sandbox, true, ['Warm 1', 'Warm 2', 'Warm 3']);
	// Also lets the warm-up requests leave the rate limiter's one-second window.
	const wait = Math.max(1100, (job.startAt ?? 0) - Date.now());
	await new Promise((resolve) => setTimeout(resolve, wait));
	sandbox.clearRequests();

	const names = Array.from({ length: job.count }, (_, i) => `Bench Lead ${i}`);
	const started = process.hrtime.bigint();
	const outcome = await create(sandbox, false, names);
	const wallMs = Number(process.hrtime.bigint() - started) / 1e6;

	const stored = sandbox.store.list('leads').map((lead) => String(lead.name));
	const created = stored.length;
	const requests = sandbox.requests.length;
	const perCreate = job.contender === 'node' ? 2 : 1;
	const result: CreatesResult = {
		wallMs,
		requests,
		created,
		failures: outcome.failures,
		duplicates: stored.length - new Set(stored).size,
		rejected429: job.ratePerSecond ? requests - created * perCreate : 0,
		firstError: outcome.firstError,
	};
	await sandbox.close();
	reply(result);
}

main().catch((error: unknown) => {
	process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
	process.exit(1);
});
