import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, MAX_CONCURRENCY, paceAdaptively, paceFixed } from '../core';
import { DEFAULT_ITEMS_IN_PARALLEL } from './properties';

/**
 * Sets the run's pace and returns how many items may be in progress at once. The pacing options
 * (see pacingOptions) apply to the whole run, so they are read from the first item; with neither
 * of them set the pace is adaptive and the core decides how many requests are in flight.
 */
function pace(ctx: IExecuteFunctions): number {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	if (options.itemsInParallel === undefined && options.requestsPerSecond === undefined) {
		paceAdaptively(ctx);
		return MAX_CONCURRENCY;
	}
	paceFixed(ctx, Math.max(0, Number(options.requestsPerSecond ?? 0) || 0));
	return Math.max(1, Math.floor(Number(options.itemsInParallel ?? DEFAULT_ITEMS_IN_PARALLEL)) || 1);
}

/**
 * Runs `runItem` once per input item, a few items at a time; every output item is paired with
 * its input and the output keeps the input order. With Continue On Fail a failed item outputs
 * its error; without it the first failing item (by position) stops the run, no further item is
 * started, and the error names the later items that other workers had already processed.
 */
export async function runItems(
	ctx: IExecuteFunctions,
	runItem: (itemIndex: number) => Promise<IDataObject[]>,
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const results: INodeExecutionData[][] = new Array(items.length);
	const parallel = pace(ctx);

	let next = 0;
	const failures: Array<{ itemIndex: number; error: unknown }> = [];
	const worker = async () => {
		while (next < items.length && failures.length === 0) {
			const itemIndex = next++;
			try {
				const records = await runItem(itemIndex);
				results[itemIndex] = records.map((json) => ({ json, pairedItem: { item: itemIndex } }));
			} catch (error) {
				if (ctx.continueOnFail()) {
					results[itemIndex] = [
						{ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } },
					];
				} else {
					failures.push({ itemIndex, error });
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
	if (failures.length) {
		const first = failures.reduce((a, b) => (b.itemIndex < a.itemIndex ? b : a));
		const error = asNodeError(ctx.getNode(), first.error, first.itemIndex);
		// Items after the failing one may already have been sent by other workers: say which.
		const done = results.flatMap((result, index) =>
			result && index > first.itemIndex ? [index] : [],
		);
		if (done.length) {
			error.description = [
				error.description,
				`Items ${done.join(', ')} ran in parallel and were already processed when this item failed; running the node again would repeat them.`,
			]
				.filter(Boolean)
				.join('\n');
		}
		throw error;
	}
	return [results.flat()];
}
