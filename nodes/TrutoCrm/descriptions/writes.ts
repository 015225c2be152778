import type { INodeProperties } from 'n8n-workflow';

import { columnMapperProperty, show } from '../../shared/crm';
import type { CatalogResource, OperationValue } from '../catalog';

/** Where a write's fields come from: Truto's unified fields, or the connected CRM's own. */
export function fieldSourceProperty(
	resource: CatalogResource,
	operations: OperationValue[],
): INodeProperties {
	return {
		displayName: 'Define Fields',
		name: 'fieldSource',
		type: 'options',
		noDataExpression: true,
		default: 'unified',
		options: [
			{
				name: "Truto's Unified Fields",
				value: 'unified',
				description: 'Set fields one by one, with record pickers. Works with every CRM.',
			},
			{
				name: "The CRM's Own Fields (Column Mapper)",
				value: 'crm',
				description:
					'Map values to the fields Truto reads from the connected CRM, custom fields included; can map input fields automatically',
			},
		],
		displayOptions: show(resource, operations),
	};
}

/** Shows a write's field parameters for one field source. */
export const showFor = (
	resource: CatalogResource,
	operations: OperationValue[],
	source: 'unified' | 'crm',
) => ({ show: { ...show(resource, operations).show, fieldSource: [source] } });

/** The column mapper over the connected CRM's fields (methods/resourceMapping.ts). */
export const crmColumnsProperty = (
	resource: CatalogResource,
	operations: OperationValue[],
	creating: boolean,
): INodeProperties =>
	columnMapperProperty({
		method: 'getCrmFields',
		creating,
		description:
			"The fields of the connected CRM for this integrated account, as Truto describes them. If Truto cannot describe them, choose Truto's Unified Fields above.",
		dependsOn: ['integratedAccount.value'],
		displayOptions: showFor(resource, operations, 'crm'),
	});
