import type { INodeProperties } from 'n8n-workflow';

let shared: INodeProperties | undefined;

/**
 * Values for the CRM's own fields, sent as `custom_fields: [{ id, value }]`. The field picker
 * lists the custom fields Apideck Vault knows for this resource and connector.
 */
export function customFieldsProperty(): INodeProperties {
	shared ??= {
		displayName: 'Custom Fields',
		name: 'custom_fields',
		type: 'fixedCollection',
		placeholder: 'Add Custom Field',
		default: {},
		typeOptions: { multipleValues: true },
		description: 'Values for fields your CRM adds on top of the standard ones',
		options: [
			{
				displayName: 'Custom Field',
				name: 'values',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'id',
						type: 'options',
						typeOptions: {
							loadOptionsMethod: 'getCustomFields',
							loadOptionsDependsOn: ['options.serviceId', 'options.consumerId'],
						},
						default: '',
						description:
							'Custom field of the connected CRM. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Value to store in the custom field',
					},
				],
			},
		],
	};
	return shared;
}
