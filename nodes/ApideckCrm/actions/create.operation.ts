import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldProperty, fieldsCollection, show } from '../../shared/crm';
import type { CatalogResource, OperationValue } from '../catalog';
import { optionsProperty } from '../descriptions/common';
import { collectionFields, fieldRules } from '../descriptions/fields';
import { plainFields, upsertMatchOf } from '../rules';
import { columnsProperties, readColumns } from './columns';
import { endpointPath, readOptions } from './parameters';
import { bodyOf, createRecord, createValues, readWritten, requireCreateFields } from './records';

const readBackOption: INodeProperties = {
	displayName: 'Return Full Record',
	name: 'returnRecord',
	type: 'boolean',
	default: true,
	description:
		'Whether to read the new record back and output it. Apideck answers a create with the ID only; turn this off to save one request per item and output just the ID. When only the read fails, the item still carries the ID, with _readBack saying what went wrong.',
};

export function description(resource: CatalogResource): INodeProperties[] {
	// Create or Update takes the same fields as Create: show them for both rather than twice.
	const operations: OperationValue[] = upsertMatchOf(resource) ? ['create', 'upsert'] : ['create'];
	const required = resource.fields.filter((f) => resource.requiredCreateFields.includes(f.name));
	const optional = plainFields(resource).filter(
		(f) => !resource.requiredCreateFields.includes(f.name),
	);
	return [
		...required.map((field) => ({
			...fieldProperty(field, fieldRules(resource)),
			required: true,
			displayOptions: show(resource, operations),
		})),
		fieldsCollection(
			'additionalFields',
			show(resource, operations),
			collectionFields(resource, optional),
		),
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
	const body = {
		...bodyOf(this, resource.fields, createValues(this, resource, itemIndex), itemIndex),
		...readColumns(this, resource, itemIndex),
	};
	requireCreateFields(this, resource, body, itemIndex);
	const { options, overrides } = readOptions(this, itemIndex);
	const id = await createRecord(this, {
		method: endpoint.method,
		path: endpointPath(this, resource, endpoint, itemIndex),
		body,
		itemIndex,
		...overrides,
	});
	if (options.returnRecord === false || !id || !resource.operations.get) return [{ id }];
	return [await readWritten(this, resource, itemIndex, { id, action: 'created' }, overrides)];
}
