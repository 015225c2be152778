import type { INodeProperties } from 'n8n-workflow';

import { excludeFieldsOption, lowerName, pacingOptions, show } from '../../shared/crm';
import type { CatalogResource, OperationValue } from '../catalog';
import { locatorProperty } from './locators';

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

const consumerIdOption: INodeProperties = {
	displayName: 'Consumer ID',
	name: 'consumerId',
	type: 'string',
	default: '',
	description: 'Use this consumer instead of the one in the credential',
};

const serviceIdOption: INodeProperties = {
	displayName: 'Service Name or ID',
	name: 'serviceId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getServices', loadOptionsDependsOn: ['options.consumerId'] },
	default: '',
	description:
		'Connected CRM to use instead of the one in the credential. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const fieldsOption: INodeProperties = {
	displayName: 'Fields',
	name: 'fields',
	type: 'string',
	default: '',
	placeholder: 'id,name,updated_at',
	description: 'Comma-separated list of the only fields Apideck should return',
};

const rawOption: INodeProperties = {
	displayName: 'Include Raw Response',
	name: 'raw',
	type: 'boolean',
	default: false,
	description:
		'Whether to add the response of the underlying CRM under _raw. Responses get bigger and slower.',
};

const passThroughOption: INodeProperties = {
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

/** The "Options" collection; every operation has the consumer and service overrides and pacing. */
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
		options: [...extra, consumerIdOption, serviceIdOption, ...pacingOptions('Apideck')].sort(
			(a, b) => a.displayName.localeCompare(b.displayName),
		),
	};
}

/** Options that shape what a read returns, offered when the endpoint supports them. */
export function outputOptions(
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
