import type { INodeProperties } from 'n8n-workflow';

import { eventsProperty, fetchFullRecordProperty, triggerOptions } from '../shared/trigger';
import { eventOptions } from './events';

export const properties: INodeProperties[] = [
	eventsProperty(eventOptions, 'The CRM changes that start the workflow'),
	{
		displayName: 'Consumer',
		name: 'consumerFilter',
		type: 'options',
		default: 'credential',
		options: [
			{
				name: "Credential's Consumer",
				value: 'credential',
				description: 'Only events of the consumer ID set in the credential',
			},
			{
				name: 'Specific Consumer',
				value: 'specific',
				description: 'Only events of the consumer ID entered below',
			},
			{
				name: 'Any Consumer',
				value: 'any',
				description:
					'Events of every consumer of the Apideck application, for apps that serve many customers from one workflow',
			},
		],
		description:
			'Apideck sends the events of all consumers of the application to every subscription; choose whose events start this workflow',
	},
	{
		displayName: 'Consumer ID',
		name: 'consumerId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { consumerFilter: ['specific'] } },
		description: 'Only events of this consumer start the workflow',
	},
	fetchFullRecordProperty(
		'Whether to read the created or updated record from the CRM and add it under "record". Deleted events never include it; if reading fails, the event still starts the workflow with the reason under "recordError". With Verify Signature off, only records of the credential’s consumer are read.',
	),
	triggerOptions([
		{
			displayName: 'Service ID',
			name: 'serviceId',
			type: 'string',
			default: '',
			placeholder: 'e.g. salesforce',
			description:
				'Only events from this CRM connector, such as salesforce or hubspot. Leave empty for all.',
		},
		{
			displayName: 'Verify Signature',
			name: 'verifySignature',
			type: 'boolean',
			default: true,
			description:
				'Whether to reject deliveries whose x-apideck-signature does not match the API key. Warning: turning this off lets anyone who knows the webhook URL start the workflow with made-up events; do it only when a proxy in front of n8n re-encodes the body and you check the requests another way. While it is off, Fetch Full Record reads only records of the credential’s consumer.',
		},
	]),
];
