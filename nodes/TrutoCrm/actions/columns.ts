import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { jsonParse, NodeOperationError } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { readMappedColumns } from '../../shared/crm';
import { splitList } from './parameters';

/**
 * Column IDs are paths into the body (methods/resourceMapping.ts names them): `first_name`,
 * `custom_fields.<name>`, `owner.id` for a link, `contact[].id` for a list of links.
 */
const LINK = '.id';
const LINK_LIST = '[].id';
const CUSTOM = 'custom_fields.';

function asValue(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString();
	if (DateTime.isDateTime(value)) return value.toUTC().toISO();
	return value;
}

/** A JSON column (a list or an object of the CRM's) may arrive as text. */
function parsed(ctx: IExecuteFunctions, column: string, value: unknown, itemIndex: number) {
	if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) return value;
	try {
		return jsonParse(value);
	} catch (error) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"${column}" is not valid JSON: ${(error as Error).message} (item ${itemIndex})`,
			{ itemIndex },
		);
	}
}

/** The mapped columns of this item as a Truto write body. */
export function columnsBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	for (const [column, raw] of Object.entries(readMappedColumns(ctx, itemIndex))) {
		const value = asValue(raw);
		if (column.startsWith(CUSTOM)) {
			const custom = (body.custom_fields ??= {}) as IDataObject;
			custom[column.slice(CUSTOM.length)] = value as IDataObject[string];
		} else if (column.endsWith(LINK_LIST)) {
			const ids = splitList(value);
			if (ids.length) body[column.slice(0, -LINK_LIST.length)] = ids.map((id) => ({ id }));
		} else if (column.endsWith(LINK)) {
			body[column.slice(0, -LINK.length)] = { id: String(value).trim() };
		} else {
			body[column] = parsed(ctx, column, value, itemIndex) as IDataObject[string];
		}
	}
	return body;
}
