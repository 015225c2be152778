// GET /unified/crm/{resource}/meta/{method}: how one method looks for the integrated account's CRM.
// The format is not documented; the sandbox answers JSON-Schema-like objects keyed by field name
// ({ first_name: { type: 'string' }, ... }), where a required field carries required: true and
// custom_fields lists the account's custom fields (from its fields resource) with their labels.
import { own, type JsonObject, type SandboxResponse } from '../http/types.cjs';
import { trutoError } from './errors.cjs';
import { RESOURCES } from './generated/schema.cjs';
import { integrationFor } from './integrations.cjs';
import { queryParameters } from './query.cjs';
import { LIST_CONTROLS } from './filters.cjs';
import { customFieldsOf } from './records.cjs';
import type { Schema } from './schema-types.cjs';
import type { TrutoStore } from './store.cjs';
import type { CallContext } from './types.cjs';

/** A compact schema as JSON Schema (nested objects keep a required array). */
function jsonSchema(schema: Schema): JsonObject {
	if ('anyOf' in schema) return { anyOf: schema.anyOf.map(jsonSchema) };
	const out: JsonObject = { type: schema.type === 'any' ? undefined : schema.type };
	if (out.type === undefined) delete out.type;
	if ('format' in schema && schema.format) out.format = schema.format;
	if ('enum' in schema && schema.enum) out.enum = schema.enum;
	if (schema.type === 'array') out.items = jsonSchema(schema.items);
	if (schema.type === 'object' && schema.properties) {
		out.properties = Object.fromEntries(
			Object.entries(schema.properties).map(([k, v]) => [k, jsonSchema(v)]),
		);
		if (schema.required) out.required = schema.required;
	}
	return out;
}

function keyed(
	properties: Record<string, Schema>,
	required: string[],
	leaveOut: string[],
): JsonObject {
	return Object.fromEntries(
		Object.entries(properties)
			.filter(([name]) => !leaveOut.includes(name))
			.map(([name, s]) => [
				name,
				{ ...jsonSchema(s), ...(required.includes(name) ? { required: true } : {}) },
			]),
	);
}

const CUSTOM_TYPES: Record<string, JsonObject> = {
	string: { type: 'string' },
	number: { type: 'number' },
	boolean: { type: 'boolean' },
	date: { type: 'string', format: 'date' },
	enum: { type: 'string' },
};

function customFields(store: TrutoStore, resource: string, accountId: string): JsonObject {
	const fields = customFieldsOf(store.list('fields', accountId), resource);
	return {
		type: 'object',
		properties: Object.fromEntries(
			fields.map((f) => [
				f.name,
				{
					...(CUSTOM_TYPES[String(f.type)] ?? {}),
					title: f.label,
					...(Array.isArray((f.remote_data as JsonObject | undefined)?.options)
						? { enum: (f.remote_data as JsonObject).options }
						: {}),
				},
			]),
		),
	};
}

export function methodMeta(
	store: TrutoStore,
	resource: string,
	method: string,
	ctx: CallContext,
	availability: 'available' | 404 | 501,
): SandboxResponse {
	const def = own(RESOURCES, resource);
	const schema = def && own(def.methods, method);
	if (!def || !schema)
		return trutoError(404, `The unified CRM API has no ${method} method for ${resource}`);
	const integration = integrationFor(ctx.integration);
	if (availability !== 'available')
		return trutoError(
			availability,
			`Method metadata is not available for ${integration.label} (${resource}.${method})`,
		);
	const leaveOut = integration.unmapped[resource] ?? [];
	const record = def.record as Extract<Schema, { type: 'object' }>;
	const body =
		schema.body && 'type' in schema.body && schema.body.type === 'object' ? schema.body : undefined;
	const bodyRequired = [
		...(body?.required ?? []),
		...(method === 'create' ? (integration.requiredOnCreate[resource] ?? []) : []),
	];
	const requestBody = body?.properties ? keyed(body.properties, bodyRequired, leaveOut) : {};
	if (requestBody.custom_fields)
		requestBody.custom_fields = customFields(store, resource, ctx.accountId);
	const filters: Record<string, Schema> = {};
	Object.assign(filters, queryParameters(resource, method, schema, integration));
	for (const name of Object.keys(filters)) if (LIST_CONTROLS.has(name)) delete filters[name];
	return {
		status: 200,
		body: {
			method,
			schema: keyed(record.properties ?? {}, [], leaveOut),
			query_schema: keyed(filters, [], []),
			request_body_schema: requestBody,
			default_query: {},
			default_body: {},
			documentation_link: `https://developers.example.test/${integration.name}/${resource}`,
		},
	};
}
