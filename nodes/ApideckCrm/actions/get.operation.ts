import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { shapeRecord, simplifyProperty } from '../../shared/crm';
import type { CatalogResource } from '../catalog';
import { optionsProperty, outputOptions, recordIdProperty } from '../descriptions/common';
import { rulesOf } from '../rules';
import { readOptions, readQuery } from './parameters';
import { readRecord, simplifies } from './records';

export function description(resource: CatalogResource): INodeProperties[] {
	return [
		recordIdProperty(resource, 'get'),
		...(rulesOf(resource).simple ? [simplifyProperty(resource, 'get')] : []),
		optionsProperty(resource, 'get', outputOptions(resource, 'get')),
	];
}

export async function execute(
	this: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { options, overrides } = readOptions(this, itemIndex);
	const query = readQuery(resource.operations.get!, options);
	const record = await readRecord(this, resource, itemIndex, {}, overrides, query);
	return [
		shapeRecord(record, {
			simple: rulesOf(resource).simple,
			simplify: simplifies(this, resource, itemIndex),
			excludeFields: options.excludeFields,
		}),
	];
}
