import type { INodeProperties } from 'n8n-workflow';

import { lowerName, recordLocator, searchMethodName } from '../../shared/crm';
import { resources } from '../catalog';
import type { CatalogResource, ResourceValue } from '../catalog';
import { rulesOf } from '../rules';

/** A record picker for `target` records: "From List" (searchable, the default) and "By ID". */
export function locatorProperty(
	target: ResourceValue,
	base: Pick<INodeProperties, 'displayName' | 'name' | 'description'> & Partial<INodeProperties>,
): INodeProperties {
	return recordLocator(lowerName(resources[target]), searchMethodName(target), base);
}

/** The picker of the record a resource's records live under (a custom object's schema). */
export function parentProperty(resource: CatalogResource): INodeProperties[] {
	const parent = rulesOf(resource).parent;
	if (!parent) return [];
	return [
		locatorProperty(parent.resource, {
			displayName: parent.displayName,
			name: parent.parameter,
			required: true,
			description: parent.description,
			displayOptions: { show: { resource: [resource.value] } },
		}),
	];
}
