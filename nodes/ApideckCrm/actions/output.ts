import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { CatalogResource, OperationValue, ResourceValue } from '../catalog/types';
import { show } from '../descriptions/common';

/** The fields a simplified record keeps, for resources whose records are large. */
const SIMPLE_FIELDS: Partial<Record<ResourceValue, string[]>> = {
	activity: [
		'id',
		'type',
		'title',
		'activity_datetime',
		'start_datetime',
		'end_datetime',
		'done',
		'owner_id',
		'contact_id',
		'company_id',
		'opportunity_id',
		'lead_id',
		'created_at',
		'updated_at',
	],
	company: [
		'id',
		'name',
		'status',
		'industry',
		'owner_id',
		'emails',
		'phone_numbers',
		'websites',
		'addresses',
		'tags',
		'created_at',
		'updated_at',
	],
	contact: [
		'id',
		'name',
		'first_name',
		'last_name',
		'title',
		'company_id',
		'company_name',
		'owner_id',
		'status',
		'emails',
		'phone_numbers',
		'created_at',
		'updated_at',
	],
	lead: [
		'id',
		'name',
		'first_name',
		'last_name',
		'company_name',
		'status',
		'lead_source',
		'owner_id',
		'emails',
		'phone_numbers',
		'created_at',
		'updated_at',
	],
	opportunity: [
		'id',
		'title',
		'status',
		'monetary_amount',
		'currency',
		'close_date',
		'win_probability',
		'pipeline_id',
		'pipeline_stage_id',
		'company_id',
		'primary_contact_id',
		'owner_id',
		'created_at',
		'updated_at',
	],
};

export const canSimplify = (resource: CatalogResource) =>
	SIMPLE_FIELDS[resource.value] !== undefined;

export function simplifyProperty(
	resource: CatalogResource,
	operation: OperationValue,
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

const splitList = (value: unknown) =>
	String(value ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part.length > 0);

/** Applies Simplify and Exclude Fields to one output record. */
export function shapeRecord(
	resource: CatalogResource,
	record: IDataObject,
	settings: { simplify: boolean; excludeFields?: unknown },
): IDataObject {
	let out = record;
	const keep = SIMPLE_FIELDS[resource.value];
	if (settings.simplify && keep) {
		out = {};
		for (const key of keep) if (record[key] !== undefined) out[key] = record[key];
		if (record._raw !== undefined) out._raw = record._raw;
	}
	const exclude = splitList(settings.excludeFields);
	if (exclude.length) {
		out = { ...out };
		for (const key of exclude) delete out[key];
	}
	return out;
}

export { splitList };
