import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Reads an ID parameter, typed as a string or picked through a record picker. */
export function readId(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
): string {
	const value = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const id = String(value ?? '').trim();
	if (!id) {
		throw new NodeOperationError(ctx.getNode(), `${label} is empty (item ${itemIndex})`, {
			itemIndex,
			description: `Enter the ${label} of the record to use, or map it from an earlier node.`,
		});
	}
	return id;
}
