import type { INodeProperties } from 'n8n-workflow';

/** Shows a field for these operations of one resource. */
export const show = (resource: { value: string }, operations: string[]) => ({
	show: { resource: [resource.value], operation: operations },
});

export function returnAllAndLimit(
	resource: { value: string },
	operation: string,
): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: show(resource, [operation]),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show(resource, [operation]).show, returnAll: [false] } },
		},
	];
}

export const DEFAULT_ITEMS_IN_PARALLEL = 5;

/**
 * The options that pace a run by hand (read from the first item by runItems; while neither is
 * set the pace is adaptive) and the per-request timeout; `api` names the backend in their help text.
 */
export function pacingOptions(api: string): INodeProperties[] {
	return [
		{
			displayName: 'Items in Parallel',
			name: 'itemsInParallel',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: DEFAULT_ITEMS_IN_PARALLEL,
			description: `Paces the run by hand: exactly this many input items are sent to ${api} at the same time (1 = strictly one after another). Without this option and Max Requests per Second, the node finds the fastest pace ${api} accepts by itself. Output order stays the input order. Read from the first item.`,
		},
		{
			displayName: 'Max Requests per Second',
			name: 'requestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: `Paces the run by hand: caps how many requests this node starts per second (0 = no cap), with Items in Parallel items at a time (default ${DEFAULT_ITEMS_IN_PARALLEL}). Without this option and Items in Parallel, the node learns the rate limit from ${api}'s answers by itself. A 429 still pauses and retries. Read from the first item.`,
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1000 },
			default: 60000,
			description: `Milliseconds one attempt of a request may take in all, from sending it to the last byte of ${api}'s answer. Reads are retried after a timeout; creates are not, because they may already have happened.`,
		},
	];
}
