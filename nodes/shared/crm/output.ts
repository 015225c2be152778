import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { show } from './properties';

export function simplifyProperty(
	resource: { value: string; displayName: string },
	operation: string,
): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to return only the main fields of each ${resource.displayName.toLowerCase()} instead of every field`,
		displayOptions: show(resource, [operation]),
	};
}

export const excludeFieldsOption: INodeProperties = {
	displayName: 'Exclude Fields',
	name: 'excludeFields',
	type: 'string',
	default: '',
	placeholder: 'e.g. custom_mappings,_raw',
	description: 'Comma-separated list of fields to remove from each output item',
};

const splitList = (value: unknown) =>
	String(value ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part.length > 0);

/**
 * Applies Simplify (keep only the `simple` fields, and `_raw`) and Exclude Fields to one output
 * record.
 */
export function shapeRecord(
	record: IDataObject,
	settings: { simple?: readonly string[]; simplify: boolean; excludeFields?: unknown },
): IDataObject {
	let out = record;
	if (settings.simplify && settings.simple) {
		out = {};
		for (const key of settings.simple) if (record[key] !== undefined) out[key] = record[key];
		if (record._raw !== undefined) out._raw = record._raw;
	}
	const exclude = splitList(settings.excludeFields);
	if (exclude.length) {
		out = { ...out };
		for (const key of exclude) delete out[key];
	}
	return out;
}
