// Checks request bodies and query strings against the compact schemas of generated/schema.cts.
import { isObject, own, type JsonObject } from '../http/types.cjs';
import type { ObjectSchema, Schema } from './schema-types.cjs';

export interface Failure {
	/** Where, e.g. email_addresses[0].type or the query parameter's name. */
	field: string;
	problem: 'required' | 'type' | 'unknown' | 'enum' | 'format' | 'minimum' | 'minItems';
	message: string;
}

export interface CheckOptions {
	/** Report properties a closed object does not define (default true). */
	rejectUnknown?: boolean;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
const missing = (v: unknown) => v === undefined || v === null;

const describe = (s: Schema): string => {
	if ('anyOf' in s) return s.anyOf.map(describe).join(' or ');
	if (s.type === 'integer') return 'an integer';
	if (s.type === 'array') return 'an array';
	if (s.type === 'object') return 'an object';
	return `a ${s.type}`;
};

/** Every failure of `value` against `schema`; [] when it fits. `path` names the value in messages. */
export function check(
	value: unknown,
	schema: Schema,
	path: string,
	options: CheckOptions = {},
): Failure[] {
	const fail = (problem: Failure['problem'], message: string): Failure[] => [
		{ field: path, problem, message: `${path} ${message}` },
	];
	if ('anyOf' in schema) {
		const tries = schema.anyOf.map((s) => check(value, s, path, options));
		return tries.some((f) => !f.length) ? [] : tries.sort((a, b) => a.length - b.length)[0];
	}
	// null clears a field in a write; only required fields must have a value.
	if (value === null) return [];
	switch (schema.type) {
		case 'any':
			return [];
		case 'string':
			if (typeof value !== 'string') return fail('type', `must be ${describe(schema)}`);
			if (schema.enum && !schema.enum.includes(value))
				return fail('enum', `must be one of ${schema.enum.join(', ')}`);
			if (schema.format === 'date-time' && !isDateTime(value))
				return fail('format', 'must be an ISO 8601 date-time');
			return [];
		case 'integer':
		case 'number': {
			const ok =
				typeof value === 'number' &&
				Number.isFinite(value) &&
				(schema.type === 'number' || Number.isInteger(value));
			if (!ok) return fail('type', `must be ${describe(schema)}`);
			if (schema.minimum !== undefined && value < schema.minimum)
				return fail('minimum', `must be at least ${schema.minimum}`);
			return [];
		}
		case 'boolean':
			return typeof value === 'boolean' ? [] : fail('type', 'must be true or false');
		case 'array':
			if (!Array.isArray(value)) return fail('type', 'must be an array');
			if (schema.minItems && value.length < schema.minItems)
				return fail('minItems', `needs at least ${schema.minItems} item(s)`);
			return value.flatMap((item, i) => check(item, schema.items, `${path}[${i}]`, options));
		case 'object':
			if (!isObject(value)) return fail('type', 'must be an object');
			return checkObject(value, schema, path, options);
	}
}

function checkObject(
	value: JsonObject,
	schema: ObjectSchema,
	path: string,
	options: CheckOptions,
): Failure[] {
	const failures: Failure[] = [];
	for (const key of schema.required ?? []) {
		if (missing(value[key]))
			failures.push({
				field: join(path, key),
				problem: 'required',
				message: `${join(path, key)} is required`,
			});
	}
	if (
		schema.anyOfRequired &&
		!schema.anyOfRequired.some((group) => group.every((key) => !missing(value[key])))
	) {
		const choices = schema.anyOfRequired.map((g) => g.map((k) => join(path, k)).join(' + '));
		failures.push({
			field: choices.join(' | '),
			problem: 'required',
			message: `one of ${choices.join(' or ')} is required`,
		});
	}
	for (const [key, item] of Object.entries(value)) {
		const property = own(schema.properties ?? {}, key);
		if (property) failures.push(...check(item, property, join(path, key), options));
		else if (schema.closed && options.rejectUnknown !== false)
			failures.push({
				field: join(path, key),
				problem: 'unknown',
				message: `${join(path, key)} is not a field of this method (send CRM-specific data in remote_data)`,
			});
	}
	return failures;
}

function isDateTime(value: string): boolean {
	return (
		/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) &&
		!Number.isNaN(Date.parse(value))
	);
}

/** Turns a query string value into the type its schema wants, so check() can judge it. */
export function coerceQuery(value: unknown, schema: Schema): unknown {
	if ('anyOf' in schema) return value;
	switch (schema.type) {
		case 'integer':
		case 'number':
			return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
		case 'boolean':
			return value === 'true' ? true : value === 'false' ? false : value;
		case 'array':
			return queryArray(value);
		default:
			return value;
	}
}

/** a=x, a[]=x&a[]=y, a[0]=x and a=x,y all read as arrays (Truto documents brackets; some clients send commas). */
export function queryArray(value: unknown): unknown {
	if (value === undefined) return undefined;
	if (typeof value === 'string') return value === '' ? [] : value.split(',');
	if (Array.isArray(value)) return value;
	if (isObject(value)) return Object.values(value).flat();
	return value;
}
