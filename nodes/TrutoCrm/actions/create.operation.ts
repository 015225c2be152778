import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldsCollection } from '../../shared/crm';
import type { CatalogResource, OperationValue } from '../catalog';
import { optionsProperty } from '../descriptions/common';
import { collectionFields } from '../descriptions/fields';
import { crmColumnsProperty, fieldSourceProperty, showFor } from '../descriptions/writes';
import { upsertMatchOf } from '../rules';
import { readOptions, readQuery } from './parameters';
import { requireFields, sendWrite, writeBody } from './records';

export function description(resource: CatalogResource): INodeProperties[] {
	// Create or Update takes the same fields as Create: show them for both rather than twice.
	const operations: OperationValue[] = upsertMatchOf(resource) ? ['create', 'upsert'] : ['create'];
	return [
		fieldSourceProperty(resource, operations),
		fieldsCollection(
			'additionalFields',
			showFor(resource, operations, 'unified'),
			collectionFields(resource, resource.fields),
		),
		crmColumnsProperty(resource, operations, true),
		optionsProperty(resource, 'create'),
	];
}

/** POST the record; Truto answers with the new record itself. */
export async function execute(
	this: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
): Promise<IDataObject[]> {
	const endpoint = resource.operations.create!;
	const body = writeBody(this, resource, 'additionalFields', itemIndex);
	requireFields(this, body, itemIndex);
	const { options, call } = readOptions(this, itemIndex);
	return [await sendWrite(this, endpoint, endpoint.path, body, call, readQuery(endpoint, options))];
}
