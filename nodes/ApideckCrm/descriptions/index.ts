import type { INodeProperties } from 'n8n-workflow';

import { objectIdProperty } from '../actions/customObject';
import { OPERATIONS, operationsOf } from '../actions/operations';
import { resources } from '../catalog/generated';
import type { CatalogResource } from '../catalog/types';

const catalog: CatalogResource[] = Object.values(resources);

const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: catalog
		.map((r) => ({ name: r.displayName, value: r.value }))
		.sort((a, b) => a.name.localeCompare(b.name)),
	default: 'lead',
};

function operationProperty(resource: CatalogResource): INodeProperties {
	const kinds = operationsOf(resource);
	const noun = resource.displayName.toLowerCase();
	const defaultOperation = kinds.includes('getAll') ? 'getAll' : kinds[0];
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: kinds
			.map((kind) => ({
				name: OPERATIONS[kind].name,
				value: kind,
				action: OPERATIONS[kind].verb(noun),
				...(OPERATIONS[kind].explain ? { description: OPERATIONS[kind].explain!(noun) } : {}),
			}))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
}

function resourceProperties(resource: CatalogResource): INodeProperties[] {
	const kinds = operationsOf(resource);
	return [
		operationProperty(resource),
		...(resource.value === 'customObject' ? [objectIdProperty(resource)] : []),
		...kinds.flatMap((kind) => OPERATIONS[kind].description(resource)),
	];
}

/** Every parameter of the node: resource, then per resource its operations and their fields. */
export const properties: INodeProperties[] = [
	resourceProperty,
	...catalog.flatMap(resourceProperties),
];
