import type { INodeProperties } from 'n8n-workflow';

import {
	optionsCollection,
	pacingOptions,
	pairsProperty,
	recordIdProperty,
} from '../../shared/crm';
import type { CatalogResource, OperationValue } from '../catalog';

export { recordIdProperty };

const remoteQueryOption: INodeProperties = pairsProperty(
	{
		displayName: 'Remote Query',
		name: 'remoteQuery',
		description:
			'Query parameters Truto hands to the CRM unchanged (remote_query), for what the unified API does not cover',
	},
	'Parameter',
);

/** The "Options" collection; every operation has the remote query and the pacing options. */
export const optionsProperty = (
	resource: CatalogResource,
	operation: OperationValue,
	extra: INodeProperties[] = [],
): INodeProperties =>
	optionsCollection(resource, operation, [...extra, remoteQueryOption, ...pacingOptions('Truto')]);

const excludeFieldsOption: INodeProperties = {
	displayName: 'Exclude Fields',
	name: 'excludeFields',
	type: 'string',
	default: '',
	placeholder: 'e.g. remote_data,custom_fields',
	description:
		'Comma-separated fields Truto should leave out of each record (truto_exclude_fields); they are removed from the output too',
};

const ignoreRemoteDataOption: INodeProperties = {
	displayName: 'Leave Out Remote Data',
	name: 'ignoreRemoteData',
	type: 'boolean',
	default: false,
	description:
		"Whether Truto should leave the CRM's raw record (remote_data) out of its answer: smaller and faster. Simplify asks for this by itself.",
};

const responseFormatOption: INodeProperties = {
	displayName: 'Response Format',
	name: 'responseFormat',
	type: 'options',
	default: 'unified',
	description: 'How Truto shapes each record (truto_response_format)',
	options: [
		{ name: 'Unified', value: 'unified', description: "Truto's unified fields (the default)" },
		{
			name: 'Normalized',
			value: 'normalized',
			description: 'The unified fields in Truto’s normalized form',
		},
		{ name: 'Raw', value: 'raw', description: 'The record as the CRM itself returns it' },
	],
};

/** Options that shape what a read returns (Truto's own query parameters). */
export const readOutputOptions: INodeProperties[] = [
	excludeFieldsOption,
	ignoreRemoteDataOption,
	responseFormatOption,
];
