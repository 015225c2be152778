import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { resources } from '../catalog/generated';
import type { OperationValue, ResourceValue } from '../catalog/types';
import { OPERATIONS, operationsOf } from './operations';

/** Keeps the transport's explained API errors as they are; wraps anything else. */
function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/** Runs the chosen operation once per input item; each output item is paired with its input. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
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
			for (const json of records) output.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
				continue;
			}
			throw asNodeError(this, error, itemIndex);
		}
	}
	return [output];
}
