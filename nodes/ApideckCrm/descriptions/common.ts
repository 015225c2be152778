import type { INodeProperties } from 'n8n-workflow';

import type { CatalogResource, OperationValue } from '../catalog/types';
import { locatorProperty } from './locators';

export const show = (resource: CatalogResource, operations: OperationValue[]) => ({
	show: { resource: [resource.value], operation: operations },
});

export const article = (noun: string) =>
	/^(?:[aeio]|u(?!s))/i.test(noun) ? `an ${noun}` : `a ${noun}`;

export const lowerName = (resource: CatalogResource) => resource.displayName.toLowerCase();

export function recordIdProperty(
	resource: CatalogResource,
	operation: OperationValue,
): INodeProperties {
	return locatorProperty(resource.value, {
		displayName: resource.displayName,
		name: 'id',
		required: true,
		description: `The ${lowerName(resource)} to ${operation === 'get' ? 'read' : operation}: pick it from the list, or give its ID in the CRM`,
		displayOptions: show(resource, [operation]),
	});
}

export function returnAllAndLimit(
	resource: CatalogResource,
	operation: OperationValue,
): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: show(resource, [operation]),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show(resource, [operation]).show, returnAll: [false] } },
		},
	];
}

export const consumerIdOption: INodeProperties = {
	displayName: 'Consumer ID',
	name: 'consumerId',
	type: 'string',
	default: '',
	description: 'Use this consumer instead of the one in the credential',
};

export const serviceIdOption: INodeProperties = {
	displayName: 'Service Name or ID',
	name: 'serviceId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getServices', loadOptionsDependsOn: ['options.consumerId'] },
	default: '',
	description:
		'Connected CRM to use instead of the one in the credential. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const DEFAULT_ITEMS_IN_PARALLEL = 5;

export const itemsInParallelOption: INodeProperties = {
	displayName: 'Items in Parallel',
	name: 'itemsInParallel',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 50 },
	default: DEFAULT_ITEMS_IN_PARALLEL,
	description:
		'How many input items are sent to Apideck at the same time. Output order stays the input order. Set 1 to process items strictly one after another. Read from the first item.',
};

export const requestsPerSecondOption: INodeProperties = {
	displayName: 'Max Requests per Second',
	name: 'requestsPerSecond',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description:
		"Caps how many requests this node starts per second, to stay under your CRM's or Apideck plan's rate limit. 0 means no cap (a 429 from Apideck still pauses and retries). Read from the first item.",
};

export const timeoutOption: INodeProperties = {
	displayName: 'Timeout',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1000 },
	default: 60000,
	description:
		'Milliseconds to wait for Apideck to answer each request. Reads are retried after a timeout; creates are not, because they may already have happened.',
};

export const fieldsOption: INodeProperties = {
	displayName: 'Fields',
	name: 'fields',
	type: 'string',
	default: '',
	placeholder: 'id,name,updated_at',
	description: 'Comma-separated list of the only fields Apideck should return',
};

export const rawOption: INodeProperties = {
	displayName: 'Include Raw Response',
	name: 'raw',
	type: 'boolean',
	default: false,
	description:
		'Whether to add the response of the underlying CRM under _raw. Responses get bigger and slower.',
};

export const excludeFieldsOption: INodeProperties = {
	displayName: 'Exclude Fields',
	name: 'excludeFields',
	type: 'string',
	default: '',
	placeholder: 'custom_mappings,_raw',
	description: 'Comma-separated list of fields to remove from each output item',
};

export const passThroughOption: INodeProperties = {
	displayName: 'Pass Through Query',
	name: 'passThrough',
	type: 'fixedCollection',
	placeholder: 'Add Parameter',
	default: {},
	typeOptions: { multipleValues: true },
	description: 'Query parameters handed to the underlying CRM unchanged',
	options: [
		{
			displayName: 'Parameter',
			name: 'parameters',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

/** The "Options" collection; every operation has at least the consumer and service overrides. */
export function optionsProperty(
	resource: CatalogResource,
	operation: OperationValue,
	extra: INodeProperties[] = [],
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(resource, [operation]),
		options: [
			...extra,
			consumerIdOption,
			serviceIdOption,
			itemsInParallelOption,
			requestsPerSecondOption,
			timeoutOption,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** Options that shape what a read returns, offered when the endpoint supports them. */
export function readOptions(
	resource: CatalogResource,
	operation: OperationValue,
): INodeProperties[] {
	const query = resource.operations[operation]?.query ?? [];
	const out: INodeProperties[] = [excludeFieldsOption];
	if (query.includes('fields')) out.push(fieldsOption);
	if (query.includes('pass_through')) out.push(passThroughOption);
	if (query.includes('raw')) out.push(rawOption);
	return out;
}
