import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError, limitRequestRate } from '../../shared/core';
import { resources } from '../catalog/generated';
import type { OperationValue, ResourceValue } from '../catalog/types';
import { DEFAULT_ITEMS_IN_PARALLEL } from '../descriptions/common';
import { OPERATIONS, operationsOf } from './operations';

async function runItem(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const resource = resources[this.getNodeParameter('resource', itemIndex) as ResourceValue];
	const operation = this.getNodeParameter('operation', itemIndex) as OperationValue;
	if (!resource || !operationsOf(resource).includes(operation)) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not supported for this resource`,
			{ itemIndex },
		);
	}
	const records = await OPERATIONS[operation].execute.call(this, resource, itemIndex);
	return records.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

/** Pacing options apply to the whole run, so they are read from the first item. */
function pacing(ctx: IExecuteFunctions) {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	return {
		parallel: Math.max(
			1,
			Math.floor(Number(options.itemsInParallel ?? DEFAULT_ITEMS_IN_PARALLEL)) || 1,
		),
		perSecond: Math.max(0, Number(options.requestsPerSecond ?? 0) || 0),
	};
}

/**
 * Runs the chosen operation once per input item, a few items at a time; every output item is
 * paired with its input and the output keeps the input order. Without Continue On Fail the first
 * failing item (by position) stops the run and no further item is started.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results: INodeExecutionData[][] = new Array(items.length);
	const { parallel, perSecond } = pacing(this);
	limitRequestRate(this, perSecond);

	let next = 0;
	const failures: Array<{ itemIndex: number; error: unknown }> = [];
	const worker = async () => {
		while (next < items.length && failures.length === 0) {
			const itemIndex = next++;
			try {
				results[itemIndex] = await runItem.call(this, itemIndex);
			} catch (error) {
				if (this.continueOnFail()) {
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
		const error = asNodeError(this.getNode(), first.error, first.itemIndex);
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
