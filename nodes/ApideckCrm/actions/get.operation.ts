import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apideckRequest } from '../../shared/apideck';
import type { ApideckRequest } from '../../shared/apideck';
import type { CatalogResource } from '../catalog/types';
import {
	optionsProperty,
	readOptions as readOptionProperties,
	recordIdProperty,
} from '../descriptions/common';
import { canSimplify, shapeRecord, simplifyProperty } from './output';
import { endpointPath, readOptions, readQuery } from './parameters';

export function description(resource: CatalogResource): INodeProperties[] {
	return [
		recordIdProperty(resource, 'get'),
		...(canSimplify(resource) ? [simplifyProperty(resource, 'get')] : []),
		optionsProperty(resource, 'get', readOptionProperties(resource, 'get')),
	];
}

/** GET one record; `known` fills path parameters already at hand (the ID after a create). */
export async function fetchRecord(
	this: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
	known: Record<string, string> = {},
	overrides: Pick<ApideckRequest, 'consumerId' | 'serviceId' | 'timeoutMs'> = {},
	query: IDataObject = {},
): Promise<IDataObject> {
	const endpoint = resource.operations.get!;
	const response = await apideckRequest<{ data?: IDataObject; _raw?: unknown }>(this, {
		method: endpoint.method,
		path: endpointPath(this, resource, endpoint, itemIndex, known),
		query,
		itemIndex,
		...overrides,
	});
	const record: IDataObject = { ...(response.data ?? {}) };
	if (response._raw !== undefined) record._raw = response._raw as IDataObject;
	return record;
}

export async function execute(
	this: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { options, overrides } = readOptions(this, itemIndex);
	const query = readQuery(resource.operations.get!, options);
	const record = await fetchRecord.call(this, resource, itemIndex, {}, overrides, query);
	const simplify =
		canSimplify(resource) && (this.getNodeParameter('simplify', itemIndex, true) as boolean);
	return [shapeRecord(resource, record, { simplify, excludeFields: options.excludeFields })];
}
