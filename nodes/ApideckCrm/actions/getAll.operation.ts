import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	fieldsCollection,
	optionNameOf,
	readCollection,
	returnAllAndLimit,
	show,
	simplifyProperty,
} from '../../shared/crm';
import type { CatalogResource } from '../catalog';
import { optionsProperty, outputOptions } from '../descriptions/common';
import { collectionFields } from '../descriptions/fields';
import { rulesOf } from '../rules';
import { bodyOf, listRecords } from './records';

function filterProperties(resource: CatalogResource): INodeProperties[] {
	const query = resource.operations.getAll?.query ?? [];
	if (!query.includes('filter') || !resource.filters.length) return [];
	return [
		fieldsCollection(
			'filters',
			show(resource, ['getAll']),
			collectionFields(resource, resource.filters),
		),
	];
}

// n8n's UX guidelines put Sort in its own collection, below Options.
function sortProperties(resource: CatalogResource): INodeProperties[] {
	const query = resource.operations.getAll?.query ?? [];
	if (!query.includes('sort') || !resource.sortFields.length) return [];
	const firstSortField = resource.sortFields[0];
	return [
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'collection',
			placeholder: 'Add Sort Rule',
			default: {},
			displayOptions: show(resource, ['getAll']),
			options: [
				{
					displayName: 'Sort By',
					name: 'by',
					type: 'options',
					options: resource.sortFields.map((value) => ({ name: optionNameOf(value), value })),
					default: firstSortField,
					description: 'Field to order the records by',
				},
				{
					displayName: 'Direction',
					name: 'direction',
					type: 'options',
					options: [
						{ name: 'Ascending', value: 'asc' },
						{ name: 'Descending', value: 'desc' },
					],
					default: 'asc',
				},
			],
		},
	];
}

export function description(resource: CatalogResource): INodeProperties[] {
	return [
		...returnAllAndLimit(resource, 'getAll'),
		...filterProperties(resource),
		...(rulesOf(resource).simple ? [simplifyProperty(resource, 'getAll')] : []),
		optionsProperty(resource, 'getAll', outputOptions(resource, 'getAll')),
		...sortProperties(resource),
	];
}

export async function execute(
	this: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
): Promise<IDataObject[]> {
	const query: IDataObject = {};
	const filters = readCollection(this, 'filters', itemIndex);
	const filter = bodyOf(this, resource.filters, filters, itemIndex);
	if (Object.keys(filter).length) query.filter = filter;
	const sort = this.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	if (sort.by) query.sort = { by: sort.by, direction: sort.direction ?? 'asc' };
	return await listRecords(this, resource, 'getAll', itemIndex, query);
}
