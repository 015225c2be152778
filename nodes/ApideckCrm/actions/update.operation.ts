import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apideckRequest } from '../../shared/apideck';
import { fieldsCollection, readCollection, show } from '../../shared/crm';
import type { CatalogResource } from '../catalog';
import { optionsProperty, recordIdProperty } from '../descriptions/common';
import { collectionFields } from '../descriptions/fields';
import { plainFields } from '../rules';
import { columnsProperties, readColumns } from './columns';
import { endpointPath, readId, readOptions } from './parameters';
import { bodyOf, readRecord, readWritten, withRequiredUpdateFields } from './records';

export function description(resource: CatalogResource): INodeProperties[] {
	return [
		recordIdProperty(resource, 'update'),
		fieldsCollection(
			'updateFields',
			show(resource, ['update']),
			collectionFields(resource, plainFields(resource)),
		),
		...columnsProperties(resource, 'update'),
		optionsProperty(resource, 'update'),
	];
}

/**
 * PATCH the record (with the current value of any field Apideck requires on updates that was not
 * given, read first), then read it back: Apideck answers an update with the ID only.
 */
export async function execute(
	this: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
): Promise<IDataObject[]> {
	const endpoint = resource.operations.update!;
	const values = readCollection(this, 'updateFields', itemIndex);
	const given = {
		...bodyOf(this, resource.fields, values, itemIndex),
		...readColumns(this, resource, itemIndex),
	};
	if (!Object.keys(given).length) {
		throw new NodeOperationError(this.getNode(), `No fields to update (item ${itemIndex})`, {
			itemIndex,
			description: 'Add at least one field under "Update Fields" (or Fields) and give it a value.',
		});
	}
	const { overrides } = readOptions(this, itemIndex);
	const path = endpointPath(this, resource, endpoint, itemIndex);
	const body = await withRequiredUpdateFields(this, resource, given, itemIndex, () =>
		readRecord(this, resource, itemIndex, {}, overrides),
	);
	await apideckRequest(this, { method: endpoint.method, path, body, itemIndex, ...overrides });
	const id = readId(this, 'id', itemIndex, `${resource.displayName} ID`);
	return [await readWritten(this, resource, itemIndex, { id, action: 'updated' }, overrides)];
}
