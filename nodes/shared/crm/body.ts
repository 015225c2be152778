import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { isResourceLocatorValue, jsonParse, NodeOperationError } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { NOT_SET } from './fields';
import { displayNameOf } from './naming';
import type { CatalogField } from './types';

/**
 * A problem the API would refuse in one entry of a group, before it is sent: the sub-field
 * (display name) and what is wrong with it.
 */
export type EntryCheck = (
	field: CatalogField,
	entry: IDataObject,
) => { field: string; problem: string } | undefined;

interface Ctx {
	node: IExecuteFunctions;
	itemIndex: number;
	timezone: string;
	checkEntry?: EntryCheck;
}

const isBlank = (value: unknown) =>
	value === undefined ||
	value === null ||
	value === '' ||
	(typeof value === 'string' && value.trim() === '');

function fail(ctx: Ctx, label: string, message: string, description?: string): never {
	throw new NodeOperationError(
		ctx.node.getNode(),
		`"${label}" ${message} (item ${ctx.itemIndex})`,
		{
			itemIndex: ctx.itemIndex,
			description,
		},
	);
}

function toDate(ctx: Ctx, label: string, value: unknown, dateOnly: boolean): string {
	let parsed: DateTime;
	if (value instanceof Date) parsed = DateTime.fromJSDate(value);
	else if (DateTime.isDateTime(value)) parsed = value;
	else if (typeof value === 'number') parsed = DateTime.fromMillis(value);
	else parsed = DateTime.fromISO(String(value).trim(), { zone: ctx.timezone, setZone: true });
	if (!parsed.isValid) {
		fail(
			ctx,
			label,
			`is not a valid date: "${String(value)}"`,
			'Use an ISO 8601 date such as 2024-05-31 or 2024-05-31T14:30:00Z.',
		);
	}
	if (dateOnly) return parsed.toISODate() as string;
	return parsed.toUTC().toISO() as string;
}

function toJson(ctx: Ctx, label: string, value: unknown): unknown {
	if (typeof value !== 'string') return value;
	try {
		return jsonParse(value);
	} catch (error) {
		return fail(ctx, label, `is not valid JSON: ${(error as Error).message}`);
	}
}

function toList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value).split(',');
	return parts.map((part) => String(part).trim()).filter((part) => part.length > 0);
}

/** A picked record (resource locator), else the value as it is. */
const pickedValue = (value: unknown) => (isResourceLocatorValue(value) ? value.value : value);

/**
 * The IDs of a list of links: typed (comma-separated), from an expression (an array), or one
 * picked record per entry of a repeatable group (`{ values: [{ id }] }`).
 */
function toIds(value: unknown): string[] {
	const entries = (value as IDataObject)?.values;
	if (value && typeof value === 'object' && !Array.isArray(value) && Array.isArray(entries)) {
		return (entries as IDataObject[]).flatMap((entry) => toIds(pickedValue(entry.id)));
	}
	if (isBlank(value)) return [];
	return toList(value);
}

/** Name/value pairs (`{ values: [{ name, value }] }`) or a JSON object, as one object. */
function toMap(ctx: Ctx, label: string, value: unknown): IDataObject | undefined {
	const entries = (value as IDataObject)?.values;
	if (value && typeof value === 'object' && Array.isArray(entries)) {
		const out: IDataObject = {};
		for (const entry of entries as IDataObject[]) {
			const name = String(entry.name ?? '').trim();
			if (name) out[name] = entry.value as IDataObject[string];
			else if (!isBlank(entry.value)) fail(ctx, `${label} › Name`, 'is empty');
		}
		return Object.keys(out).length ? out : undefined;
	}
	const parsed = toJson(ctx, label, value);
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
		fail(ctx, label, 'must be a JSON object');
	return Object.keys(parsed as IDataObject).length ? (parsed as IDataObject) : undefined;
}

/** One group entry as the API expects it; undefined when the user left it empty. */
function toObject(
	ctx: Ctx,
	field: CatalogField,
	label: string,
	entry: IDataObject,
): IDataObject | undefined {
	const out = convertFields(ctx, field.fields ?? [], entry, label, true);
	if (!Object.keys(out).length) return undefined;
	const refused = ctx.checkEntry?.(field, out);
	if (refused) fail(ctx, `${label} › ${refused.field}`, refused.problem);
	for (const sub of field.fields ?? []) {
		if (sub.required && out[sub.name] === undefined) {
			fail(ctx, `${label} › ${displayNameOf(sub.name)}`, 'is required when the entry is used');
		}
	}
	return out;
}

function convert(
	ctx: Ctx,
	field: CatalogField,
	label: string,
	value: unknown,
	inGroup: boolean,
): unknown {
	if (isBlank(value)) return undefined;
	switch (field.type) {
		case 'number': {
			const number = typeof value === 'number' ? value : Number(value);
			if (Number.isNaN(number)) fail(ctx, label, `is not a number: "${String(value)}"`);
			return number;
		}
		case 'boolean':
			return typeof value === 'boolean' ? value : String(value) === 'true';
		case 'enum':
			return value === NOT_SET ? undefined : value;
		case 'dateTime':
		case 'date':
			return toDate(ctx, label, value, field.type === 'date');
		case 'stringList': {
			const list = toList(value);
			return list.length ? list : undefined;
		}
		case 'json':
			return toJson(ctx, label, value);
		case 'link': {
			const id = String(pickedValue(value) ?? '').trim();
			return id ? { id } : undefined;
		}
		case 'linkList': {
			const ids = toIds(value);
			return ids.length ? ids.map((id) => ({ id })) : undefined;
		}
		case 'map':
			return toMap(ctx, label, value);
		case 'object':
		case 'objectList': {
			if (inGroup) {
				const parsed = toJson(ctx, label, value);
				const ok =
					field.type === 'objectList'
						? Array.isArray(parsed)
						: typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
				if (!ok)
					fail(
						ctx,
						label,
						field.type === 'objectList' ? 'must be a JSON array' : 'must be a JSON object',
					);
				return parsed;
			}
			const values = (value as IDataObject).values;
			if (field.type === 'object') {
				return values && typeof values === 'object'
					? toObject(ctx, field, label, values as IDataObject)
					: undefined;
			}
			const entries = (Array.isArray(values) ? values : []) as IDataObject[];
			const list = entries
				.map((entry, index) => toObject(ctx, field, `${label} ${index + 1}`, entry))
				.filter((entry): entry is IDataObject => entry !== undefined);
			return list.length ? list : undefined;
		}
		default:
			return value;
	}
}

function convertFields(
	ctx: Ctx,
	fields: readonly CatalogField[],
	values: IDataObject,
	prefix: string,
	inGroup: boolean,
): IDataObject {
	const out: IDataObject = {};
	for (const field of fields) {
		if (!(field.name in values)) continue;
		const label = prefix ? `${prefix} › ${displayNameOf(field.name)}` : displayNameOf(field.name);
		const converted = convert(ctx, field, label, values[field.name], inGroup);
		if (converted !== undefined) out[field.name] = converted as IDataObject[string];
	}
	return out;
}

/**
 * Turns parameter values keyed by API field name into a request body: only writable catalog
 * fields, typed as the API expects, empty values left out. Record pickers must already be
 * reduced to their IDs (readCollection does that).
 */
export function buildBody(
	node: IExecuteFunctions,
	fields: readonly CatalogField[],
	values: IDataObject,
	itemIndex: number,
	checkEntry?: EntryCheck,
): IDataObject {
	return convertFields(
		{ node, itemIndex, timezone: node.getTimezone(), checkEntry },
		fields,
		values,
		'',
		false,
	);
}
