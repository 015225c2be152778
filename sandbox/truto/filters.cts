// How the list filters of crm.yml (and the CRM-specific search_term / sort_by) match records.
import { isObject, type JsonObject } from '../http/types.cjs';
import { queryArray } from './validate.cjs';

/** Parameters of a list that are Truto's own, not filters. */
export const LIST_CONTROLS = new Set([
	'limit',
	'next_cursor',
	'truto_response_format',
	'truto_key_by',
	'truto_ignore_limit',
	'truto_ignore_remote_data',
	'truto_exclude_fields',
	'remote_query',
	'truto_super_query',
]);

/** Documented for one CRM without a type: accepted and ignored. */
const IGNORED = new Set(['organization', 'include_custom_fields']);
const DATE_OPERATORS = ['gt', 'gte', 'lt', 'lte'] as const;
const SORTABLE = ['name', 'created_at', 'updated_at'];

const lower = (v: unknown) => String(v ?? '').toLowerCase();
const digits = (v: unknown) => String(v ?? '').replace(/\D/g, '');
const list = (v: unknown): JsonObject[] => (Array.isArray(v) ? v.filter(isObject) : []);

function fullName(record: JsonObject): string {
	if (typeof record.name === 'string' && record.name) return record.name;
	return [record.first_name, record.last_name].filter((p) => typeof p === 'string' && p).join(' ');
}

function linkedIds(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(linkedIds);
	if (isObject(value) && value.id !== undefined) return [String(value.id)];
	return typeof value === 'string' ? [value] : [];
}

/** A problem with a filter value, or undefined; checked before any record is looked at. */
export function filterProblem(name: string, value: unknown): string | undefined {
	if (name.endsWith('_at')) {
		const bounds = typeof value === 'string' ? { eq: value } : isObject(value) ? value : {};
		for (const [op, date] of Object.entries(bounds)) {
			if (op !== 'eq' && !(DATE_OPERATORS as readonly string[]).includes(op))
				return `${name}[${op}] is not an operator (use gt, gte, lt or lte)`;
			if (typeof date !== 'string' || Number.isNaN(Date.parse(date)))
				return `${name}${op === 'eq' ? '' : `[${op}]`} must be an ISO 8601 date-time`;
		}
	}
	if (name === 'sort_by') {
		if (!isObject(value)) return 'sort_by must name fields with brackets: sort_by[name]=asc';
		for (const [field, direction] of Object.entries(value)) {
			if (!SORTABLE.includes(field))
				return `sort_by[${field}]: this CRM sorts only by ${SORTABLE.join(', ')}`;
			if (direction !== 'asc' && direction !== 'desc')
				return `sort_by[${field}] must be asc or desc`;
		}
	}
	return undefined;
}

function matchesDate(recordValue: unknown, value: unknown): boolean {
	const at = Date.parse(String(recordValue));
	if (Number.isNaN(at)) return false;
	if (typeof value === 'string') return at === Date.parse(value);
	const bounds = value as Record<string, string>;
	return (
		(bounds.gt === undefined || at > Date.parse(bounds.gt)) &&
		(bounds.gte === undefined || at >= Date.parse(bounds.gte)) &&
		(bounds.lt === undefined || at < Date.parse(bounds.lt)) &&
		(bounds.lte === undefined || at <= Date.parse(bounds.lte))
	);
}

function searchable(record: JsonObject): string[] {
	return [
		fullName(record),
		record.website,
		...list(record.email_addresses).map((e) => e.email),
		...list(record.phone_numbers).map((p) => p.number),
	].map(lower);
}

function matches(record: JsonObject, name: string, value: unknown): boolean {
	if (name.endsWith('_at')) return matchesDate(record[name], value);
	switch (name) {
		case 'name':
			return lower(fullName(record)) === lower(value);
		case 'email_addresses': {
			const wanted = (queryArray(value) as unknown[]).map(lower);
			return list(record.email_addresses).some((e) => wanted.includes(lower(e.email)));
		}
		case 'phone_numbers': {
			const wanted = (queryArray(value) as unknown[]).map(digits).filter(Boolean);
			return list(record.phone_numbers).some((p) => wanted.includes(digits(p.number)));
		}
		case 'state':
		case 'country':
			return list(record.addresses).some((a) => lower(a[name]) === lower(value));
		case 'position':
			return Number(record.position) === Number(value);
		case 'custom_fields': {
			const fields = isObject(record.custom_fields) ? record.custom_fields : {};
			return Object.entries(value as JsonObject).every(([k, v]) => lower(fields[k]) === lower(v));
		}
		case 'search_term':
			return searchable(record).some((text) => text.includes(lower(value)));
		default:
			if (isObject(value)) return linkedIds(record[name]).includes(String(value.id));
			return lower(record[name]) === lower(value);
	}
}

/** Records passing every filter in `filters` (name → query value), sorted by sort_by if given. */
export function applyFilters(records: JsonObject[], filters: JsonObject): JsonObject[] {
	const active = Object.entries(filters).filter(
		([name, value]) => !IGNORED.has(name) && name !== 'sort_by' && value !== '',
	);
	const kept = active.length
		? records.filter((r) => active.every(([name, value]) => matches(r, name, value)))
		: records;
	return isObject(filters.sort_by) ? sortRecords(kept, filters.sort_by) : kept;
}

function sortRecords(records: JsonObject[], sortBy: JsonObject): JsonObject[] {
	const keys = Object.entries(sortBy);
	const value = (r: JsonObject, field: string) =>
		field === 'name' ? lower(fullName(r)) : String(r[field] ?? '');
	return [...records].sort((a, b) => {
		for (const [field, direction] of keys) {
			const x = value(a, field);
			const y = value(b, field);
			if (x !== y) return (x < y ? -1 : 1) * (direction === 'desc' ? -1 : 1);
		}
		return 0;
	});
}
