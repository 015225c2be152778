import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { lowerName, pluralOf, show } from '../../shared/crm';
import type { CatalogResource } from '../catalog';
import { optionsProperty } from '../descriptions/common';
import { readOptions, readQuery, splitList } from './parameters';
import { sendWrite } from './records';

/** Delete Many: several records in one request (accounts and contacts, where the CRM can). */
export function description(resource: CatalogResource): INodeProperties[] {
	return [
		{
			displayName: `${resource.displayName} IDs`,
			name: 'ids',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. ID1,ID2',
			hint: 'Comma-separated, or an array from an expression',
			description: `The ${pluralOf(lowerName(resource))} to delete`,
			displayOptions: show(resource, ['batchDelete']),
		},
		optionsProperty(resource, 'batchDelete'),
	];
}

/** One output item per deleted record, with what the CRM answered for it when it says. */
export async function execute(
	this: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
): Promise<IDataObject[]> {
	const endpoint = resource.operations.batchDelete!;
	const ids = [...new Set(splitList(this.getNodeParameter('ids', itemIndex, '')))];
	if (!ids.length) {
		throw new NodeOperationError(this.getNode(), `No IDs to delete (item ${itemIndex})`, {
			itemIndex,
			description: `Give the IDs of the ${pluralOf(lowerName(resource))} to delete, comma-separated or as an array.`,
		});
	}
	const { options, call } = readOptions(this, itemIndex);
	// Some CRMs read the ids from the body, others from the query: Truto documents both.
	const response = await sendWrite(this, endpoint, endpoint.path, { id: ids }, call, {
		...readQuery(endpoint, options),
		id: ids,
	});
	const answered = Array.isArray(response.result) ? (response.result as IDataObject[]) : [];
	return ids.map((id) => ({
		deleted: true,
		id,
		...(answered.find((entry) => String(entry?.id) === id) ?? {}),
	}));
}
