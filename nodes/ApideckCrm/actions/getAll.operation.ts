import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apideckList } from '../../shared/apideck';
import type { ApideckRequest } from '../../shared/apideck';
import { optionNameOf } from '../catalog/naming';
import type { CatalogEndpoint, CatalogResource, OperationValue } from '../catalog/types';
import {
	optionsProperty,
	readOptions as readOptionProperties,
	returnAllAndLimit,
	show,
} from '../descriptions/common';
import { fieldProperties } from '../descriptions/fields';
import { buildBody } from './body';
import { canSimplify, shapeRecord, simplifyProperty } from './output';
import { endpointPath, readOptions, readQuery } from './parameters';

function filterProperties(resource: CatalogResource): INodeProperties[] {
	const query = resource.operations.getAll?.query ?? [];
	const out: INodeProperties[] = [];
	if (query.includes('filter') && resource.filters.length) {
		out.push({
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: show(resource, ['getAll']),
			options: fieldProperties(resource.filters, resource.value),
		});
	}
	if (query.includes('sort') && resource.sortFields.length) {
		const firstSortField = resource.sortFields[0];
		out.push({
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
		});
	}
	return out;
}

export function description(resource: CatalogResource): INodeProperties[] {
	return [
		...returnAllAndLimit(resource, 'getAll'),
		...filterProperties(resource),
		...(canSimplify(resource) ? [simplifyProperty(resource, 'getAll')] : []),
		optionsProperty(resource, 'getAll', readOptionProperties(resource, 'getAll')),
	];
}

/** Lists the records of a list endpoint (Get Many, Get Members) for one input item. */
export async function listRecords(
	this: IExecuteFunctions,
	resource: CatalogResource,
	operation: OperationValue,
	itemIndex: number,
	extraQuery: IDataObject = {},
): Promise<IDataObject[]> {
	const endpoint = resource.operations[operation] as CatalogEndpoint;
	const { options, overrides } = readOptions(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const request: ApideckRequest = {
		method: endpoint.method,
		path: endpointPath(this, resource, endpoint, itemIndex),
		query: { ...readQuery(endpoint, options), ...extraQuery },
		itemIndex,
		...overrides,
	};
	// With "Include Raw Response" Apideck puts the CRM's answer on each page's envelope, not on
	// the records: copy it onto every record of that page.
	const withPage =
		options.raw === true
			? (record: IDataObject, page: IDataObject) =>
					page._raw === undefined ? record : { ...record, _raw: page._raw }
			: undefined;
	const records = await apideckList(this, { ...request, returnAll, limit, withPage });
	const simplify =
		canSimplify(resource) &&
		operation === 'getAll' &&
		(this.getNodeParameter('simplify', itemIndex, true) as boolean);
	return records.map((record) =>
		shapeRecord(resource, record, { simplify, excludeFields: options.excludeFields }),
	);
}

export async function execute(
	this: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
): Promise<IDataObject[]> {
	const query: IDataObject = {};
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const filter = buildBody(this, resource.filters, filters, itemIndex);
	if (Object.keys(filter).length) query.filter = filter;
	const sort = this.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	if (sort.by) query.sort = { by: sort.by, direction: sort.direction ?? 'asc' };
	return await listRecords.call(this, resource, 'getAll', itemIndex, query);
}
