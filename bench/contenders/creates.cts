/**
 * Child process: creates `count` leads against its own sandbox (latency, optional rate limit)
 * with one contender, and reports time, requests, failures and duplicates:
 *   baseline  – undici, one POST at a time, no retries (what a plain script does)
 *   node      – the Apideck CRM node as users get it (Return Full Record on: POST + GET per item)
 *   node-id   – the node with Return Full Record off (one POST per item)
 *   node-batch – the node with its Batching option (items per batch + interval), when it has one
 * Node runs use "continue on fail" so a failed item is counted instead of ending the run.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { request } from 'undici';

import { runNode } from '../../test/helpers/engine.cjs';
import { startSandbox } from '../../test/sandbox/index.cjs';
import { childJob, reply } from '../lib/child.cjs';

export interface CreatesJob {
	contender: 'baseline' | 'node' | 'node-id' | 'node-batch';
	count: number;
	latencyMs: number;
	ratePerSecond?: number;
	batchSize?: number;
	batchIntervalMs?: number;
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

const job = childJob<CreatesJob>();

async function main() {
	const sandbox = await startSandbox({
		latencyMs: job.latencyMs,
		rateLimit: job.ratePerSecond ? { perSecond: job.ratePerSecond } : undefined,
	});
	const names = Array.from({ length: job.count }, (_, i) => `Bench Lead ${i}`);
	let failures = 0;
	let firstError: string | undefined;
	const started = process.hrtime.bigint();

	if (job.contender === 'baseline') {
		const headers = {
			authorization: `Bearer ${sandbox.apiKey}`,
			'x-apideck-app-id': sandbox.appId,
			'x-apideck-consumer-id': 'test-consumer',
			'content-type': 'application/json',
		};
		for (const name of names) {
			const response = await request(`${sandbox.url}/crm/leads`, {
				method: 'POST',
				headers,
				body: JSON.stringify({ name }),
			});
			const text = await response.body.text();
			if (response.statusCode !== 201) {
				failures++;
				firstError ??= `HTTP ${response.statusCode}: ${text.slice(0, 200)}`;
			}
		}
	} else {
		const options: IDataObject = {};
		if (job.contender !== 'node') options.returnRecord = false;
		if (job.contender === 'node-batch') {
			options.batching = {
				batch: { batchSize: job.batchSize, batchInterval: job.batchIntervalMs },
			};
		}
		const { items, error } = await runNode({
			type: 'apideckCrm',
			parameters: {
				resource: 'lead',
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
		for (const item of items) {
			if (item.json.error !== undefined) {
				failures++;
				firstError ??= String(item.json.error);
			}
		}
		if (items.length !== job.count) {
			failures += Math.max(0, job.count - items.length);
			firstError ??= `only ${items.length} of ${job.count} items came out`;
		}
	}

	const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
	const stored = sandbox.store.list('leads').map((lead) => String(lead.name));
	const created = stored.length;
	const duplicates = stored.length - new Set(stored).size;
	const requests = sandbox.requests.length;
	const perCreate = job.contender === 'node' ? 2 : 1;
	const result: CreatesResult = {
		wallMs,
		requests,
		created,
		failures,
		duplicates,
		rejected429: job.ratePerSecond ? requests - created * perCreate : 0,
		firstError,
	};
	await sandbox.close();
	reply(result);
}

main().catch((error: unknown) => {
	process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
	process.exit(1);
});
