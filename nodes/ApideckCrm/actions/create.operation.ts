import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apideckRequest } from '../../shared/apideck';
import { displayNameOf } from '../catalog/naming';
import type { CatalogResource, OperationValue } from '../catalog/types';
import { article, lowerName, optionsProperty, show } from '../descriptions/common';
import { fieldProperties, fieldProperty } from '../descriptions/fields';
import { buildBody } from './body';
import { columnsProperties, plainFields, readColumns } from './customObject';
import { fetchRecord } from './get.operation';
import { endpointPath, readOptions } from './parameters';
import { supports as supportsUpsert } from './upsert.operation';

const readBackOption: INodeProperties = {
	displayName: 'Return Full Record',
	name: 'returnRecord',
	type: 'boolean',
	default: true,
	description:
		'Whether to read the new record back and output it. Apideck answers a create with the ID only; turn this off to save one request per item and output just the ID.',
};

export function description(resource: CatalogResource): INodeProperties[] {
	// Create or Update takes the same fields as Create: show them for both rather than twice.
	const operations: OperationValue[] = supportsUpsert(resource) ? ['create', 'upsert'] : ['create'];
	const required = resource.fields.filter((f) => resource.requiredCreateFields.includes(f.name));
	const optional = plainFields(resource).filter(
		(f) => !resource.requiredCreateFields.includes(f.name),
	);
	return [
		...required.map((field) => ({
			...fieldProperty(field, { resource: resource.value }),
			required: true,
			displayOptions: show(resource, operations),
		})),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(resource, operations),
			options: fieldProperties(optional, resource.value),
		},
		...columnsProperties(resource, 'create'),
		optionsProperty(resource, 'create', [readBackOption]),
	];
}

export async function execute(
	this: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
): Promise<IDataObject[]> {
	const endpoint = resource.operations.create!;
	const values: IDataObject = {
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	};
	for (const name of resource.requiredCreateFields) {
		values[name] = this.getNodeParameter(name, itemIndex, '') as IDataObject[string];
	}
	const body = {
		...buildBody(this, resource.fields, values, itemIndex),
		...readColumns(this, resource, itemIndex),
	};
	for (const name of resource.requiredCreateFields) {
		if (body[name] === undefined) {
			throw new NodeOperationError(
				this.getNode(),
				`"${displayNameOf(name)}" is required to create ${article(lowerName(resource))} (item ${itemIndex})`,
				{ itemIndex },
			);
		}
	}
	const { options, overrides } = readOptions(this, itemIndex);
	const response = await apideckRequest<{ data?: IDataObject }>(this, {
		method: endpoint.method,
		path: endpointPath(this, resource, endpoint, itemIndex),
		body,
		itemIndex,
		...overrides,
	});
	const id = String(response.data?.id ?? '');
	if (options.returnRecord === false || !id || !resource.operations.get) return [{ id }];
	return [await fetchRecord.call(this, resource, itemIndex, { id }, overrides)];
}
