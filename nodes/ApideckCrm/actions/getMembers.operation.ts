import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, show } from '../../shared/crm';
import type { CatalogResource } from '../catalog';
import { optionsProperty, outputOptions } from '../descriptions/common';
import { locatorProperty } from '../descriptions/locators';
import { listRecords } from './records';

/** List → Get Members: the records (contacts, companies, …) that belong to one list. */
export function description(resource: CatalogResource): INodeProperties[] {
	return [
		locatorProperty('list', {
			displayName: 'List',
			name: 'id',
			required: true,
			description: 'The list whose members to return: pick it from the list, or give its ID',
			displayOptions: show(resource, ['getMembers']),
		}),
		...returnAllAndLimit(resource, 'getMembers'),
		optionsProperty(resource, 'getMembers', outputOptions(resource, 'getMembers')),
	];
}

export async function execute(
	this: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
): Promise<IDataObject[]> {
	return await listRecords(this, resource, 'getMembers', itemIndex);
}
