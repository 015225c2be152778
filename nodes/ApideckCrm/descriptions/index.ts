import type { INodeProperties } from 'n8n-workflow';

import { operationProperties, operationProperty, resourceProperty } from '../../shared/crm';
import { OPERATIONS } from '../actions/operations';
import type { CatalogResource } from '../catalog';
import { catalog } from '../catalog';
import { parentProperty } from './locators';

function resourceLevelProperties(resource: CatalogResource): INodeProperties[] {
	return [operationProperty(OPERATIONS, resource), ...parentProperty(resource)];
}

/** Every parameter of the node: resource, operations, then the fields of each operation. */
export const properties: INodeProperties[] = [
	resourceProperty(catalog, 'lead'),
	...catalog.flatMap(resourceLevelProperties),
	...operationProperties(catalog, OPERATIONS),
];
