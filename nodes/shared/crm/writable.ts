import type { IDataObject } from 'n8n-workflow';

import type { CatalogField } from './types';

const isEmpty = (value: unknown) =>
	value === undefined ||
	value === null ||
	(typeof value === 'string' && value.trim() === '') ||
	(Array.isArray(value) && value.length === 0);

function writableEntry(field: CatalogField, value: unknown): IDataObject | undefined {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
	const out: IDataObject = {};
	for (const sub of field.fields ?? []) {
		const kept = writableValue(sub, (value as IDataObject)[sub.name]);
		if (kept !== undefined) out[sub.name] = kept as IDataObject[string];
		else if (sub.required) return undefined;
	}
	return Object.keys(out).length ? out : undefined;
}

/**
 * A record's current value of a field, as a write may send it back: only the sub-fields the
 * catalog knows as writable, without empty values or entries that lack a required sub-field.
 * Undefined when nothing is left.
 */
export function writableValue(field: CatalogField, value: unknown): unknown {
	if (isEmpty(value)) return undefined;
	if (field.type === 'object') return writableEntry(field, value);
	if (field.type !== 'objectList') return value;
	if (!Array.isArray(value)) return undefined;
	const entries = value
		.map((entry) => writableEntry(field, entry))
		.filter((entry) => entry !== undefined);
	return entries.length ? entries : undefined;
}
