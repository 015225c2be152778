// Between the store and the wire: what a write body becomes in the store, and what a stored
// record looks like in an answer (remote_data, truto_response_format, exclusions).
import { isObject, type JsonObject } from '../http/types.cjs';
import { integrationFor } from './integrations.cjs';
import { queryArray } from './validate.cjs';

/** The singular name the fields resource uses for a resource's custom fields (entity=contact). */
export const FIELD_ENTITY: Record<string, string> = {
	accounts: 'account',
	contacts: 'contact',
	leads: 'lead',
	notes: 'note',
	opportunities: 'opportunity',
	projects: 'project',
	tasks: 'task',
	views: 'view',
};

/** The custom fields of a resource: the account's fields records for its entity. */
export function customFieldsOf(fields: JsonObject[], resource: string): JsonObject[] {
	return fields.filter((f) => f.entity !== undefined && f.entity === FIELD_ENTITY[resource]);
}

/** Leads take converted_contact / converted_account as { id } in writes but answer plain ids. */
const ID_IN_RECORD: Record<string, string[]> = {
	leads: ['converted_contact', 'converted_account'],
};

export function fromWrite(resource: string, body: JsonObject): JsonObject {
	const record = { ...body };
	for (const field of ID_IN_RECORD[resource] ?? []) {
		const value = record[field];
		if (isObject(value)) record[field] = value.id ?? null;
	}
	return record;
}

/**
 * The answer for one stored record: remote_data is the CRM's own record plus whatever a write
 * passed through; then truto_response_format, truto_ignore_remote_data and
 * truto_exclude_fields apply.
 */
export function present(
	resource: string,
	record: JsonObject,
	integration: string,
	query: JsonObject,
): JsonObject {
	const { remote_data: passedThrough, ...unified } = record;
	const remote = {
		...integrationFor(integration).raw(resource, unified),
		...(isObject(passedThrough) ? passedThrough : {}),
	};
	if (query.truto_response_format === 'raw') return remote;
	const out: JsonObject = { ...unified, remote_data: remote };
	if (query.truto_ignore_remote_data === 'true') delete out.remote_data;
	const excluded = queryArray(query.truto_exclude_fields);
	if (Array.isArray(excluded)) for (const field of excluded) delete out[String(field)];
	return out;
}
