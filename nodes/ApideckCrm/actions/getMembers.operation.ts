import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CatalogResource } from '../catalog/types';
import {
	optionsProperty,
	readOptions as readOptionProperties,
	returnAllAndLimit,
	show,
} from '../descriptions/common';
import { locatorProperty } from '../descriptions/locators';
import { listRecords } from './getAll.operation';

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
		optionsProperty(resource, 'getMembers', readOptionProperties(resource, 'getMembers')),
	];
}

export async function execute(
	this: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
): Promise<IDataObject[]> {
	return await listRecords.call(this, resource, 'getMembers', itemIndex);
}
