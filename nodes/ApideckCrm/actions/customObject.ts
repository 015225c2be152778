import type { INodeProperties } from 'n8n-workflow';

import type { CatalogResource } from '../catalog/types';

/**
 * Custom object records live under the schema that defines them
 * (/crm/custom-objects/{object_id}/…), so every custom object operation asks for that schema.
 */
export function objectIdProperty(resource: CatalogResource): INodeProperties {
	return {
		displayName: 'Object ID',
		name: 'objectId',
		type: 'string',
		required: true,
		default: '',
		description: 'ID of the custom object schema the records belong to',
		displayOptions: { show: { resource: [resource.value] } },
	};
}
