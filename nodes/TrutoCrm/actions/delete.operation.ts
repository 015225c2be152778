import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readId } from '../../shared/crm';
import { trutoRequest } from '../../shared/truto';
import type { CatalogResource } from '../catalog';
import { optionsProperty, recordIdProperty } from '../descriptions/common';
import { endpointPath, readOptions, readQuery } from './parameters';

export function description(resource: CatalogResource): INodeProperties[] {
	return [recordIdProperty(resource, 'delete'), optionsProperty(resource, 'delete')];
}

/** DELETE the record; Truto answers with at least its id. */
export async function execute(
	this: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
): Promise<IDataObject[]> {
	const endpoint = resource.operations.delete!;
	const id = readId(this, 'id', itemIndex, `${resource.displayName} ID`);
	const { options, call } = readOptions(this, itemIndex);
	const response = await trutoRequest<IDataObject>(this, {
		method: endpoint.method,
		path: endpointPath(this, resource, endpoint, itemIndex, id),
		query: readQuery(endpoint, options),
		...call,
		// A retry that finds nothing after a lost answer: the lost attempt deleted it.
		notFoundAfterUncertainAttempt: 'success',
	});
	return [{ deleted: true, id: String(response.id ?? id) }];
}
