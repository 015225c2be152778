// Checks a unified call's query string against the method's documented parameters.
import { own, type JsonObject, type SandboxResponse } from '../http/types.cjs';
import { validationFailed } from './errors.cjs';
import { filterProblem } from './filters.cjs';
import type { Integration } from './integrations.cjs';
import type { MethodSchema, Schema } from './schema-types.cjs';
import { check, coerceQuery, type Failure } from './validate.cjs';

/** List parameters some CRMs add (their names come from the method metadata). */
export const LIST_EXTRAS: Record<Integration['listExtras'][number], Schema> = {
	search_term: { type: 'string' },
	sort_by: { type: 'object' },
};

/** The lists that search_term and sort_by apply to. */
export const SEARCHABLE = new Set(['accounts', 'contacts', 'leads', 'opportunities']);

/** The query parameters a method accepts for one CRM: the documented ones plus its extras. */
export function queryParameters(
	resource: string,
	method: string,
	schema: MethodSchema,
	integration: Integration,
): Record<string, Schema> {
	if (method !== 'list' || !SEARCHABLE.has(resource)) return schema.query;
	const extras = integration.listExtras.map((name) => [name, LIST_EXTRAS[name]]);
	return { ...schema.query, ...Object.fromEntries(extras) };
}

export function checkQuery(
	parameters: Record<string, Schema>,
	query: JsonObject,
	rejectUnknown: boolean,
): SandboxResponse | undefined {
	const failures: Failure[] = [];
	for (const [name, raw] of Object.entries(query)) {
		if (name === 'integrated_account_id') continue;
		const schema = own(parameters, name);
		if (!schema) {
			if (rejectUnknown)
				failures.push({
					field: name,
					problem: 'unknown',
					message: `query parameter ${name} is not supported here (pass CRM parameters as remote_query[${name}])`,
				});
			continue;
		}
		const problem = filterProblem(name, raw);
		if (problem) failures.push({ field: name, problem: 'format', message: problem });
		else failures.push(...check(coerceQuery(raw, schema), schema, name));
	}
	return failures.length ? validationFailed(failures, 'query') : undefined;
}
