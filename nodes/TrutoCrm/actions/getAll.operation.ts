import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import {
	buildBody,
	fieldsCollection,
	readCollection,
	returnAllAndLimit,
	show,
	simplifyProperty,
} from '../../shared/crm';
import type { CatalogResource } from '../catalog';
import { optionsProperty, readOutputOptions } from '../descriptions/common';
import { collectionFields } from '../descriptions/fields';
import { listRecords } from './records';

/** Filters the connected CRM supports beyond Truto's unified ones, by the names Truto reports. */
const crmFiltersOption: INodeProperties = {
	displayName: 'CRM Filters',
	name: 'crmFilters',
	type: 'fixedCollection',
	placeholder: 'Add CRM Filter',
	default: {},
	typeOptions: { multipleValues: true },
	description:
		'Query parameters the connected CRM supports for this list (such as a search term or a sort), as Truto describes them for the integrated account',
	options: [
		{
			displayName: 'Filter',
			name: 'parameters',
			values: [
				{
					displayName: 'Name or ID',
					name: 'name',
					type: 'options',
					typeOptions: {
						loadOptionsMethod: 'getCrmFilters',
						loadOptionsDependsOn: ['integratedAccount.value'],
					},
					default: '',
					description:
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description:
						'Text, or a JSON object for parameters that take one, such as {"name": "asc"}',
				},
			],
		},
	],
};

export function description(resource: CatalogResource): INodeProperties[] {
	const filters: INodeProperties[] = resource.filters.length
		? [
				fieldsCollection(
					'filters',
					show(resource, ['getAll']),
					collectionFields(resource, resource.filters),
				),
			]
		: [];
	return [
		...returnAllAndLimit(resource, 'getAll'),
		...filters,
		simplifyProperty(resource, 'getAll'),
		optionsProperty(resource, 'getAll', [...readOutputOptions, crmFiltersOption]),
	];
}

/** The CRM Filters of this item as query parameters; JSON objects become bracketed keys. */
function crmFilters(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const entries = ((options.crmFilters as IDataObject | undefined)?.parameters ??
		[]) as IDataObject[];
	const query: IDataObject = {};
	for (const entry of entries) {
		const name = String(entry.name ?? '').trim();
		if (!name) continue;
		const value = entry.value;
		query[name] =
			typeof value === 'string' && /^\s*\{/.test(value)
				? jsonParse<IDataObject>(value, {
						errorMessage: `CRM filter "${name}" is not a valid JSON object (item ${itemIndex})`,
					})
				: (value as IDataObject[string]);
	}
	return query;
}

export async function execute(
	this: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
): Promise<IDataObject[]> {
	const filters = buildBody(
		this,
		resource.filters,
		readCollection(this, 'filters', itemIndex),
		itemIndex,
	);
	return await listRecords(this, resource, itemIndex, {
		...filters,
		...crmFilters(this, itemIndex),
	});
}
