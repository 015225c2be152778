import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { displayNameOf, optionNameOf, singularOf } from './naming';
import { pairsProperty } from './properties';
import type { CatalogField } from './types';

/** Value of an optional choice inside a repeatable group that means "do not send". */
export const NOT_SET = '';

const options = (values: readonly string[]): INodePropertyOptions[] =>
	values.map((value) => ({ name: optionNameOf(value), value }));

const DATE_HINT = 'Date only; any time part is dropped';
const STRING_LIST_HINT = 'Comma-separated, or an array from an expression';
const JSON_HINT = 'A JSON value';
const LINK_LIST_HINT = 'IDs, comma-separated, or an array from an expression';

export interface FieldBase {
	displayName: string;
	name: string;
	description: string;
}

/** What a node adds to the generic field builder for one resource. */
export interface FieldRules {
	/** Help text of a field; `parent` names the group it sits in. Empty when there is none. */
	helpText: (fieldName: string, parent?: string) => string;
	/** A top-level field with a picker of its own (linked records, loaded choices), if any. */
	picker?: (field: CatalogField, base: FieldBase) => INodeProperties | undefined;
}

interface Place {
	/** Name of the enclosing group when the field sits inside one. */
	parent?: string;
	/** Inside a repeatable group every value is sent, so optional choices need a "not set". */
	inGroup?: boolean;
}

/** A catalog field as an n8n parameter, typed from the spec. */
export function fieldProperty(
	field: CatalogField,
	rules: FieldRules,
	place: Place = {},
): INodeProperties {
	const base: FieldBase = {
		displayName: displayNameOf(field.name),
		name: field.name,
		description: rules.helpText(field.name, place.parent),
	};
	if (place.parent === undefined) {
		const picker = rules.picker?.(field, base);
		if (picker) return picker;
	}
	switch (field.type) {
		case 'number':
			return {
				...base,
				type: 'number',
				default: 0,
				...(field.integer ? { typeOptions: { numberPrecision: 0 } } : {}),
			};
		case 'boolean':
			return { ...base, type: 'boolean', default: false };
		case 'enum': {
			const values = options(field.values ?? []);
			if (place.inGroup && !field.required) {
				return {
					...base,
					type: 'options',
					options: [{ name: 'Not Set', value: NOT_SET }, ...values],
					default: NOT_SET,
				};
			}
			return { ...base, type: 'options', options: values, default: values[0]?.value ?? '' };
		}
		case 'dateTime':
			return { ...base, type: 'dateTime', default: '' };
		case 'date':
			return { ...base, type: 'dateTime', default: '', hint: DATE_HINT };
		case 'stringList':
			return { ...base, type: 'string', default: '', hint: STRING_LIST_HINT };
		case 'json':
			return { ...base, type: 'json', default: '', hint: JSON_HINT };
		case 'secret':
			return { ...base, type: 'string', typeOptions: { password: true }, default: '' };
		case 'link':
			return { ...base, type: 'string', default: '', placeholder: 'ID of the linked record' };
		case 'linkList':
			return { ...base, type: 'string', default: '', hint: LINK_LIST_HINT };
		case 'map':
			return place.inGroup
				? { ...base, type: 'json', default: '', hint: 'A JSON object keyed by field name' }
				: pairsProperty(base, singularOf(base.displayName), 'values');
		case 'object':
		case 'objectList':
			return groupProperty(field, rules, place);
		default:
			if (field.email)
				return { ...base, type: 'string', placeholder: 'name@email.com', default: '' };
			return { ...base, type: 'string', default: '' };
	}
}

/**
 * Objects and lists of objects become groups (repeatable for lists). A group inside a group —
 * such as the choices of a custom object schema field — is taken as JSON instead.
 */
function groupProperty(field: CatalogField, rules: FieldRules, place: Place): INodeProperties {
	const displayName = displayNameOf(field.name);
	const description = rules.helpText(field.name, place.parent);
	if (place.inGroup) {
		return {
			displayName,
			name: field.name,
			type: 'json',
			default: '',
			hint: field.type === 'objectList' ? 'A JSON array of objects' : 'A JSON object',
			description,
		};
	}
	const multiple = field.type === 'objectList';
	return {
		displayName,
		name: field.name,
		type: 'fixedCollection',
		placeholder: multiple ? `Add ${singularOf(displayName)}` : `Set ${displayName}`,
		default: {},
		typeOptions: { multipleValues: multiple },
		description,
		options: [
			{
				displayName: multiple ? singularOf(displayName) : displayName,
				name: 'values',
				values: (field.fields ?? []).map((sub) => ({
					...fieldProperty(sub, rules, { parent: field.name, inGroup: true }),
					...(sub.required ? { required: true } : {}),
				})),
			},
		],
	};
}

/** Sorted by display name, as n8n lists the options of a collection. */
export function fieldProperties(
	fields: readonly CatalogField[],
	rules: FieldRules,
): INodeProperties[] {
	return fields
		.map((field) => fieldProperty(field, rules))
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/**
 * A resource's field rules: its own help text (`own`) for top-level fields, else the node's
 * `help`, and the node's pickers.
 */
export function fieldRulesOf(
	own: Readonly<Record<string, string>> | undefined,
	help: (fieldName: string, parent?: string) => string,
	picker: FieldRules['picker'],
): FieldRules {
	return {
		helpText: (name, parent) =>
			(parent === undefined ? own?.[name] : undefined) ?? help(name, parent),
		picker,
	};
}
