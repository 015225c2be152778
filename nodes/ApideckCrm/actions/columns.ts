import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { columnMapperProperty, readMappedColumns, show } from '../../shared/crm';
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
		columnMapperProperty({
			method: 'getCustomObjectColumns',
			creating: operation === 'create',
			description: "Values for the fields defined in the custom object's schema",
			dependsOn: [`${parent.parameter}.value`],
			displayOptions: show(resource, [operation]),
		}),
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
	const fields = Object.entries(readMappedColumns(ctx, itemIndex)).map(([name, value]) => ({
		name,
		value: asText(value),
	}));
	return fields.length ? { [columns.field]: fields } : {};
}
