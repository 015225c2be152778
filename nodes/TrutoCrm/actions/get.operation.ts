import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../../shared/crm';
import { trutoRequest } from '../../shared/truto';
import type { CatalogResource } from '../catalog';
import { optionsProperty, readOutputOptions, recordIdProperty } from '../descriptions/common';
import { endpointPath, readOptions, readQuery } from './parameters';
import { shape, simplifies } from './records';

export function description(resource: CatalogResource): INodeProperties[] {
	return [
		recordIdProperty(resource, 'get'),
		simplifyProperty(resource, 'get'),
		optionsProperty(resource, 'get', readOutputOptions),
	];
}

export async function execute(
	this: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
): Promise<IDataObject[]> {
	const endpoint = resource.operations.get!;
	const { options, call } = readOptions(this, itemIndex);
	const simplify = simplifies(this, itemIndex, options);
	const record = await trutoRequest<IDataObject>(this, {
		method: endpoint.method,
		path: endpointPath(this, resource, endpoint, itemIndex),
		query: readQuery(endpoint, options, simplify),
		...call,
	});
	return [shape(resource, record, { simplify, options })];
}
