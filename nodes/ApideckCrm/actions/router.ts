import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runItems } from '../../shared/crm';
import { resources } from '../catalog';
import type { OperationValue, ResourceValue } from '../catalog';
import { OPERATIONS, operationsOf } from './operations';

/** The resource and operation chosen for this item; no resource when it does not offer it. */
function chosen(ctx: IExecuteFunctions, itemIndex: number) {
	const resource = resources[ctx.getNodeParameter('resource', itemIndex) as ResourceValue];
	const operation = ctx.getNodeParameter('operation', itemIndex) as OperationValue;
	const offered = resource !== undefined && operationsOf(resource).includes(operation);
	return { resource: offered ? resource : undefined, operation };
}

/** Runs the operation chosen for this item's resource. */
async function route(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { resource, operation } = chosen(ctx, itemIndex);
	if (!resource) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" is not supported for this resource`,
			{ itemIndex },
		);
	}
	return await OPERATIONS[operation].execute.call(ctx, resource, itemIndex);
}

function orderingKey(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	const { resource, operation } = chosen(ctx, itemIndex);
	return resource && OPERATIONS[operation].orderingKey?.call(ctx, resource, itemIndex);
}

/** Every input item through its resource's operation (runItems: parallel, paired, in order). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runItems(
		this,
		async (itemIndex) => await route(this, itemIndex),
		(itemIndex) => orderingKey(this, itemIndex),
	);
}
