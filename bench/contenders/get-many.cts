/**
 * Child process: lists every record of one sandbox resource once as a warm-up (a small resource)
 * and once measured (the big one), with one of three contenders:
 *   node    – the Apideck CRM node, Get Many + Return All, through n8n-core's WorkflowExecute
 *   http    – n8n's HTTP Request node (v4.2) with its cursor pagination option, same engine
 *   undici  – a plain cursor loop with undici, no engine (the floor)
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { request } from 'undici';

import { runNode } from '../../test/helpers/engine.cjs';
import { childJob, reply } from '../lib/child.cjs';
import { loadHttpRequestNode } from '../lib/http-request-node.cjs';
import { measurePeak } from '../lib/memory.cjs';

export interface GetManyJob {
	contender: 'node' | 'http' | 'undici';
	url: string;
	apiKey: string;
	appId: string;
	consumerId: string;
	/** Node resource and API path of the measured and the warm-up lists. */
	resource: string;
	path: string;
	warmResource: string;
	warmPath: string;
	nodesBaseDir?: string;
}

export interface GetManyResult {
	wallMs: number;
	heapDeltaBytes: number;
	rssDeltaBytes: number;
	maxRssBytes: number;
	outputItems: number;
	records: number;
	uniqueIds: number;
}

const job = childJob<GetManyJob>();
const credentials = {
	apiKey: job.apiKey,
	appId: job.appId,
	consumerId: job.consumerId,
	serviceId: '',
	baseUrl: job.url,
};

async function viaNode(resource: string): Promise<INodeExecutionData[]> {
	const { items, error } = await runNode({
		type: 'apideckCrm',
		parameters: { resource, operation: 'getAll', returnAll: true, simplify: false },
		credentials,
	});
	if (error) throw error;
	return items;
}

async function viaHttpNode(path: string): Promise<INodeExecutionData[]> {
	const type = 'n8n-nodes-base.httpRequest';
	const { items, error } = await runNode({
		type,
		typeVersion: 4.2,
		nodeTypes: { [type]: loadHttpRequestNode(job.nodesBaseDir!) },
		credentials,
		// The HTTP Request node's own first credential type is not the one it uses here.
		credentialType: 'apideckApi',
		parameters: {
			method: 'GET',
			url: `${job.url}${path}`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'apideckApi',
			sendQuery: true,
			specifyQuery: 'keypair',
			queryParameters: { parameters: [{ name: 'limit', value: '200' }] },
			options: {
				pagination: {
					pagination: {
						paginationMode: 'updateAParameterInEachRequest',
						parameters: {
							parameters: [
								{ type: 'qs', name: 'cursor', value: '={{ $response.body.meta.cursors.next }}' },
							],
						},
						paginationCompleteWhen: 'other',
						completeExpression: '={{ !$response.body.meta.cursors.next }}',
					},
				},
			},
		},
	});
	if (error) throw error;
	return items;
}

async function viaUndici(path: string): Promise<IDataObject[]> {
	const headers = {
		authorization: `Bearer ${job.apiKey}`,
		'x-apideck-app-id': job.appId,
		'x-apideck-consumer-id': job.consumerId,
		accept: 'application/json',
	};
	const records: IDataObject[] = [];
	let cursor: string | undefined;
	do {
		const query = `limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
		const response = await request(`${job.url}${path}?${query}`, { headers });
		if (response.statusCode !== 200)
			throw new Error(`HTTP ${response.statusCode}: ${await response.body.text()}`);
		const page = (await response.body.json()) as {
			data: IDataObject[];
			meta?: { cursors?: { next?: string | null } };
		};
		records.push(...page.data);
		cursor = page.meta?.cursors?.next ?? undefined;
	} while (cursor);
	return records;
}

/** The listed records, whatever shape the contender outputs them in. */
function recordsOf(output: unknown[]): IDataObject[] {
	if (job.contender === 'undici') return output as IDataObject[];
	const items = output as INodeExecutionData[];
	if (job.contender === 'http')
		return items.flatMap((item) => (item.json.data as IDataObject[]) ?? []);
	return items.map((item) => item.json);
}

async function list(resource: string, path: string): Promise<unknown[]> {
	if (job.contender === 'node') return await viaNode(resource);
	if (job.contender === 'http') return await viaHttpNode(path);
	return await viaUndici(path);
}

async function main() {
	await list(job.warmResource, job.warmPath);
	const { result, wallMs, memory } = await measurePeak(() => list(job.resource, job.path));
	const records = recordsOf(result);
	const reply_: GetManyResult = {
		wallMs,
		...memory,
		outputItems: result.length,
		records: records.length,
		uniqueIds: new Set(records.map((r) => r.id)).size,
	};
	reply(reply_);
}

main().catch((error: unknown) => {
	process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
	process.exit(1);
});
