import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { isResourceLocatorValue } from 'n8n-workflow';

/**
 * The values of a collection parameter (Additional Fields, Filters, …) of one item, every
 * record picker in it reduced to the picked ID by n8n (`extractValue`).
 */
export function readCollection(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
): IDataObject {
	const values = ctx.getNodeParameter(name, itemIndex, {}) as IDataObject;
	const out: IDataObject = { ...values };
	for (const [key, value] of Object.entries(values)) {
		if (isResourceLocatorValue(value)) {
			out[key] = ctx.getNodeParameter(`${name}.${key}`, itemIndex, '', {
				extractValue: true,
			}) as IDataObject[string];
		}
	}
	return out;
}
