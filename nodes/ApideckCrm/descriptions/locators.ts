import type { INodeProperties } from 'n8n-workflow';

import { lowerName } from '../../shared/crm';
import { resources } from '../catalog';
import type { CatalogResource, ResourceValue } from '../catalog';
import { rulesOf } from '../rules';

/** Name of the listSearch method that lists the records of a resource. */
export const searchMethodName = (resource: ResourceValue) =>
	`search${resource.charAt(0).toUpperCase()}${resource.slice(1)}`;

/** A record picker for `target` records: "From List" (searchable, the default) and "By ID". */
export function locatorProperty(
	target: ResourceValue,
	base: Pick<INodeProperties, 'displayName' | 'name' | 'description'> & Partial<INodeProperties>,
): INodeProperties {
	const noun = lowerName(resources[target]);
	return {
		...base,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${noun}...`,
				typeOptions: { searchListMethod: searchMethodName(target), searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `ID of the ${noun}`,
			},
		],
	};
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
