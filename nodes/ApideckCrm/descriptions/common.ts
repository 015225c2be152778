import type { INodeProperties } from 'n8n-workflow';

import {
	excludeFieldsOption,
	optionsCollection,
	pacingOptions,
	pairsProperty,
	recordIdProperty,
} from '../../shared/crm';
import type { CatalogResource, OperationValue } from '../catalog';

export { recordIdProperty };

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
	placeholder: 'e.g. id,name,updated_at',
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

const passThroughOption: INodeProperties = pairsProperty(
	{
		displayName: 'Pass Through Query',
		name: 'passThrough',
		description: 'Query parameters handed to the underlying CRM unchanged',
	},
	'Parameter',
);

/** The "Options" collection; every operation has the consumer and service overrides and pacing. */
export const optionsProperty = (
	resource: CatalogResource,
	operation: OperationValue,
	extra: INodeProperties[] = [],
): INodeProperties =>
	optionsCollection(resource, operation, [
		...extra,
		consumerIdOption,
		serviceIdOption,
		...pacingOptions('Apideck'),
	]);

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
