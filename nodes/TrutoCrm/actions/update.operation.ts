import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldsCollection } from '../../shared/crm';
import type { CatalogResource } from '../catalog';
import { optionsProperty, recordIdProperty } from '../descriptions/common';
import { collectionFields } from '../descriptions/fields';
import { crmColumnsProperty, fieldSourceProperty, showFor } from '../descriptions/writes';
import { endpointPath, readOptions, readQuery } from './parameters';
import { requireFields, sendWrite, writeBody } from './records';

export function description(resource: CatalogResource): INodeProperties[] {
	return [
		recordIdProperty(resource, 'update'),
		fieldSourceProperty(resource, ['update']),
		fieldsCollection(
			'updateFields',
			showFor(resource, ['update'], 'unified'),
			collectionFields(resource, resource.fields),
		),
		crmColumnsProperty(resource, ['update'], false),
		optionsProperty(resource, 'update'),
	];
}

/** PATCH the fields given; Truto answers with the updated record. */
export async function execute(
	this: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
): Promise<IDataObject[]> {
	const endpoint = resource.operations.update!;
	const body = writeBody(this, resource, 'updateFields', itemIndex);
	requireFields(this, body, itemIndex);
	const { options, call } = readOptions(this, itemIndex);
	const path = endpointPath(this, resource, endpoint, itemIndex);
	return [await sendWrite(this, endpoint, path, body, call, readQuery(endpoint, options))];
}
