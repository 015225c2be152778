import { apiError, validationError } from './errors.cjs';
import type { ResourceDef } from './resources.cjs';
import { isObject } from '../http/types.cjs';
import type { JsonObject, SandboxResponse } from './types.cjs';

export interface ListOptions {
	filter: Record<string, string>;
	sort?: { by: string; direction: 'asc' | 'desc' };
	fields?: string[];
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: SandboxResponse };

/** Validates filter / sort / fields of a list or get request against the resource's spec. */
export function parseListOptions(def: ResourceDef, query: JsonObject): Parsed<ListOptions> {
	const fail = (error: SandboxResponse): Parsed<ListOptions> => ({ ok: false, error });
	const options: ListOptions = { filter: {} };

	if (query.filter !== undefined) {
		if (!isObject(query.filter))
			return fail(validationError('filter must be a deepObject: filter[field]=value'));
		const unsupported = Object.keys(query.filter).filter((key) => !def.filters.includes(key));
		if (unsupported.length) {
			return fail(
				apiError(400, 'UnsupportedFiltersError', 'Unsupported filters', {
					unsupported_filters: unsupported,
					supported_filters: def.filters,
				}),
			);
		}
		for (const [key, value] of Object.entries(query.filter)) {
			if (typeof value !== 'string')
				return fail(validationError(`filter[${key}] must be a single value`));
			if (value === '') continue;
			if (key.endsWith('_since') && Number.isNaN(Date.parse(value))) {
				return fail(validationError(`filter[${key}] must be an ISO 8601 date-time`));
			}
			if (NUMERIC.has(key) && Number.isNaN(Number(value))) {
				return fail(validationError(`filter[${key}] must be a number`));
			}
			options.filter[key] = value;
		}
	}

	if (query.sort !== undefined) {
		if (!isObject(query.sort))
			return fail(validationError('sort must be a deepObject: sort[by]=field&sort[direction]=asc'));
		const { by, direction = 'asc' } = query.sort;
		if (direction !== 'asc' && direction !== 'desc') {
			return fail(validationError("sort[direction] must be 'asc' or 'desc'"));
		}
		if (by !== undefined) {
			if (typeof by !== 'string' || !def.sorts.includes(by)) {
				return fail(
					apiError(400, 'UnsupportedSortFieldError', 'Unsupported sort field', {
						unsupported_sort_field: by,
						supported_sort_fields: def.sorts,
					}),
				);
			}
			options.sort = { by, direction };
		}
	}

	if (query.fields !== undefined) {
		if (typeof query.fields !== 'string')
			return fail(validationError('fields must be a comma-separated list'));
		options.fields = query.fields
			.split(',')
			.map((f) => f.trim())
			.filter(Boolean);
	}
	return { ok: true, value: options };
}

const NUMERIC = new Set(['monetary_amount', 'win_probability']);
const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);
const digits = (v: unknown) => String(v ?? '').replace(/\D/g, '');

function fullName(record: JsonObject): unknown {
	if (record.name !== undefined && record.name !== null) return record.name;
	const parts = [record.first_name, record.last_name].filter((p) => typeof p === 'string' && p);
	return parts.length ? parts.join(' ') : undefined;
}

function emails(record: JsonObject): string[] {
	const list = Array.isArray(record.emails) ? record.emails : [];
	return list.map((e) => (isObject(e) ? String(e.email ?? '') : '')).filter(Boolean);
}

function matches(record: JsonObject, key: string, value: string): boolean {
	switch (key) {
		case 'email':
			return emails(record).some((e) => e.toLowerCase() === value.toLowerCase());
		case 'phone_number': {
			const list = Array.isArray(record.phone_numbers) ? record.phone_numbers : [];
			return list.some(
				(p) => isObject(p) && digits(p.number) === digits(value) && digits(value) !== '',
			);
		}
		case 'name':
			return lower(fullName(record)) === value.toLowerCase();
		case 'updated_since':
			return Date.parse(String(record.updated_at)) >= Date.parse(value);
		case 'created_since':
			return Date.parse(String(record.created_at)) >= Date.parse(value);
		default:
			if (NUMERIC.has(key)) return Number(record[key]) === Number(value);
			if (key.endsWith('_id')) return record[key] === value;
			return lower(record[key]) === value.toLowerCase();
	}
}

export function applyFilter(records: JsonObject[], filter: Record<string, string>): JsonObject[] {
	const entries = Object.entries(filter);
	if (!entries.length) return records;
	return records.filter((record) => entries.every(([key, value]) => matches(record, key, value)));
}

function sortValue(record: JsonObject, by: string): unknown {
	if (by === 'name') return fullName(record);
	if (by === 'email') return emails(record)[0];
	return record[by];
}

export function applySort(records: JsonObject[], sort?: ListOptions['sort']): JsonObject[] {
	if (!sort) return records;
	const sign = sort.direction === 'desc' ? -1 : 1;
	const keyed = records.map((record, index) => ({
		record,
		index,
		value: lower(sortValue(record, sort.by)),
	}));
	keyed.sort((a, b) => {
		const aMissing = a.value === undefined || a.value === null;
		const bMissing = b.value === undefined || b.value === null;
		if (aMissing || bMissing) return aMissing === bMissing ? a.index - b.index : aMissing ? 1 : -1;
		if (a.value === b.value) return a.index - b.index;
		return (a.value! < b.value! ? -1 : 1) * sign;
	});
	return keyed.map((k) => k.record);
}

/** `fields=a,b` keeps only those fields (and always the id). */
export function pickFields(record: JsonObject, fields?: string[]): JsonObject {
	if (!fields?.length) return record;
	const out: JsonObject = { id: record.id };
	for (const field of fields) if (field in record) out[field] = record[field];
	return out;
}
