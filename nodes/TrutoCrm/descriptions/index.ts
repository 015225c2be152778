import type { INodeProperties } from 'n8n-workflow';

import { operationProperties, operationProperty, resourceProperty } from '../../shared/crm';
import { OPERATIONS } from '../actions/operations';
import { catalog } from '../catalog';
import { integratedAccountProperty } from './locators';

/**
 * Every parameter of the node: resource, operations, the integrated account (every operation
 * runs in one), then the fields of each operation.
 */
export const properties: INodeProperties[] = [
	resourceProperty(catalog, 'contact'),
	...catalog.map((resource) => operationProperty(OPERATIONS, resource)),
	integratedAccountProperty,
	...operationProperties(catalog, OPERATIONS),
];
