import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apideckRequest } from '../../shared/apideck';
import type { CatalogResource } from '../catalog';
import { optionsProperty, recordIdProperty } from '../descriptions/common';
import { endpointPath, readId, readOptions } from './parameters';

export function description(resource: CatalogResource): INodeProperties[] {
	return [recordIdProperty(resource, 'delete'), optionsProperty(resource, 'delete')];
}

export async function execute(
	this: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
): Promise<IDataObject[]> {
	const endpoint = resource.operations.delete!;
	const { overrides } = readOptions(this, itemIndex);
	const path = endpointPath(this, resource, endpoint, itemIndex);
	const response = await apideckRequest<{ data?: IDataObject }>(this, {
		method: endpoint.method,
		path,
		itemIndex,
		...overrides,
		// A retry that finds the record gone after an attempt whose answer was lost: that
		// attempt deleted it.
		notFoundAfterUncertainAttempt: 'success',
	});
	const id = String(
		response.data?.id ?? readId(this, 'id', itemIndex, `${resource.displayName} ID`),
	);
	return [{ deleted: true, id }];
}
