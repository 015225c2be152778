import type { INodeProperties } from 'n8n-workflow';

import { resources } from '../catalog/generated';
import type { ResourceValue } from '../catalog/types';

/** Name of the listSearch method that lists the records of a resource. */
export const searchMethodName = (resource: ResourceValue) =>
	`search${resource.charAt(0).toUpperCase()}${resource.slice(1)}`;

/** Linking fields of the catalog and the resource whose records they point at. */
export const LINKS: Readonly<Record<string, ResourceValue>> = {
	activity_id: 'activity',
	company_id: 'company',
	contact_id: 'contact',
	primary_contact_id: 'contact',
	lead_id: 'lead',
	opportunity_id: 'opportunity',
	owner_id: 'user',
	user_id: 'user',
	pipeline_id: 'pipeline',
};

/** A record picker for `target` records: "From List" (searchable, the default) and "By ID". */
export function locatorProperty(
	target: ResourceValue,
	base: Pick<INodeProperties, 'displayName' | 'name' | 'description'> & Partial<INodeProperties>,
): INodeProperties {
	const noun = resources[target].displayName.toLowerCase();
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
