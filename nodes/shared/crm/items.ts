import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, itemTurn, MAX_CONCURRENCY, paceAdaptively, paceFixed } from '../core';
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
 * The items grouped into runs that must not overlap: items with the same ordering key, in input
 * order; every other item alone. Groups are ordered by their first item.
 */
function sequences(count: number, orderingKey?: (itemIndex: number) => string | undefined) {
	const out: number[][] = [];
	const byKey = new Map<string, number[]>();
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		let key: string | undefined;
		try {
			key = orderingKey?.(itemIndex);
		} catch {
			// The item fails on its own when it runs, with its own error.
		}
		const same = key === undefined ? undefined : byKey.get(key);
		if (same) {
			same.push(itemIndex);
			continue;
		}
		const sequence = [itemIndex];
		out.push(sequence);
		if (key !== undefined) byKey.set(key, sequence);
	}
	return out;
}

/**
 * Runs `runItem` once per input item, a few items at a time; every output item is paired with
 * its input and the output keeps the input order. Items that share an ordering key (such as
 * the email Create or Update matches on) run one after another in input order, so a later one
 * sees what an earlier one wrote; the others run in parallel. With Continue On Fail a failed
 * item outputs its error; without it the first failing item (by position) stops the run, no
 * further item is started, and the error names the later items already processed.
 */
export async function runItems(
	ctx: IExecuteFunctions,
	runItem: (itemIndex: number) => Promise<IDataObject[]>,
	orderingKey?: (itemIndex: number) => string | undefined,
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const results: INodeExecutionData[][] = new Array(items.length);
	const parallel = pace(ctx);

	const failures: Array<{ itemIndex: number; error: unknown }> = [];
	const runOne = async (itemIndex: number) => {
		const end = await itemTurn(ctx);
		try {
			// The run may have stopped while this item waited for its turn.
			if (failures.length) return;
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
		} finally {
			end();
		}
	};
	const queue = sequences(items.length, orderingKey);
	let next = 0;
	const worker = async () => {
		while (next < queue.length && failures.length === 0) {
			for (const itemIndex of queue[next++]) {
				if (failures.length) break;
				await runOne(itemIndex);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, worker));
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
