import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { show } from '../../shared/crm';
import type { CatalogResource, OperationValue } from '../catalog';
import { rulesOf } from '../rules';

/**
 * The column mapper of a resource with `columns` (custom object records): its columns are the
 * fields of the parent's schema, read by getCustomObjectColumns.
 */
export function columnsProperties(
	resource: CatalogResource,
	operation: OperationValue,
): INodeProperties[] {
	const { columns, parent } = rulesOf(resource);
	if (!columns || !parent) return [];
	return [
		{
			displayName: 'Fields',
			name: 'columns',
			type: 'resourceMapper',
			noDataExpression: true,
			default: { mappingMode: 'defineBelow', value: null },
			description: "Values for the fields defined in the custom object's schema",
			typeOptions: {
				loadOptionsDependsOn: [`${parent.parameter}.value`],
				resourceMapper: {
					resourceMapperMethod: 'getCustomObjectColumns',
					mode: operation === 'create' ? 'add' : 'map',
					fieldWords: { singular: 'field', plural: 'fields' },
					addAllFields: operation === 'create',
					multiKeyMatch: false,
					supportAutoMap: true,
				},
			},
			displayOptions: show(resource, [operation]),
		},
	];
}

/** Apideck takes every custom object value as text (CustomObject.fields[].value is a string). */
function asText(value: unknown): string {
	if (value instanceof Date) return value.toISOString();
	if (DateTime.isDateTime(value)) return value.toUTC().toISO() ?? '';
	if (Array.isArray(value)) return value.map(asText).join(',');
	if (typeof value === 'object' && value !== null) return JSON.stringify(value);
	return String(value);
}

/** The mapped columns of this item as the record's `fields: [{ name, value }]`, empty ones left out. */
export function readColumns(
	ctx: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
): IDataObject {
	const { columns } = rulesOf(resource);
	if (!columns) return {};
	const mode = ctx.getNodeParameter('columns.mappingMode', itemIndex, 'defineBelow') as string;
	let values: IDataObject;
	if (mode === 'autoMapInputData') {
		const schema = ctx.getNodeParameter('columns.schema', itemIndex, []) as IDataObject[];
		const known = new Set(schema.filter((c) => c.removed !== true).map((c) => String(c.id)));
		const json = ctx.getInputData()[itemIndex]?.json ?? {};
		values = Object.fromEntries(Object.entries(json).filter(([key]) => known.has(key)));
	} else {
		values = (ctx.getNodeParameter('columns.value', itemIndex, {}) as IDataObject | null) ?? {};
	}
	const fields = Object.entries(values)
		.filter(([, value]) => value !== undefined && value !== null && value !== '')
		.map(([name, value]) => ({ name, value: asText(value) }));
	return fields.length ? { [columns.field]: fields } : {};
}
