import type { INodeProperties } from 'n8n-workflow';

import { article, lowerName } from './naming';
import { show } from './properties';
import type { CatalogResource } from './types';

/** Name of the listSearch method that lists the records of a resource: `searchLead`, … */
export const searchMethodName = (resource: string) =>
	`search${resource.charAt(0).toUpperCase()}${resource.slice(1)}`;

/**
 * A record picker: "From List" (searchable, the default, listed by `searchMethod`) and "By ID";
 * `noun` completes its placeholders ("Select a lead...").
 */
export function recordLocator(
	noun: string,
	searchMethod: string,
	base: Pick<INodeProperties, 'displayName' | 'name' | 'description'> & Partial<INodeProperties>,
): INodeProperties {
	return {
		...base,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select ${article(noun)}...`,
				typeOptions: { searchListMethod: searchMethod, searchable: true },
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

/** The record an operation works on (Get, Update, Delete, …): a picker of the resource's records. */
export function recordIdProperty(resource: CatalogResource, operation: string): INodeProperties {
	return recordLocator(lowerName(resource), searchMethodName(resource.value), {
		displayName: resource.displayName,
		name: 'id',
		required: true,
		description: `The ${lowerName(resource)} to ${operation === 'get' ? 'read' : operation}: pick it from the list, or give its ID in the CRM`,
		displayOptions: show(resource, [operation]),
	});
}
