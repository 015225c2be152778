import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { describeField } from '../catalog/descriptions';
import { displayNameOf, optionNameOf, singularOf } from '../catalog/naming';
import type { CatalogField, ResourceValue } from '../catalog/types';
import { customFieldsProperty } from './customFields';
import { LINKS, locatorProperty } from './locators';

/** Value of an optional choice inside a repeatable group that means "do not send". */
export const NOT_SET = '';

const options = (values: readonly string[]): INodePropertyOptions[] =>
	values.map((value) => ({ name: optionNameOf(value), value }));

const DATE_HINT = 'Date only; any time part is dropped';
const STRING_LIST_HINT = 'Comma-separated, or an array from an expression';
const JSON_HINT = 'A JSON value';

interface Context {
	resource: ResourceValue;
	/** Name of the enclosing group when the field sits inside one. */
	parent?: string;
	/** Inside a repeatable group every value is sent, so optional choices need a "not set". */
	inGroup?: boolean;
}

/** A catalog field as an n8n parameter, typed from the spec. */
export function fieldProperty(field: CatalogField, context: Context): INodeProperties {
	const base = {
		displayName: displayNameOf(field.name),
		name: field.name,
		description: describeField(context.resource, field.name, context.parent),
	};
	if (context.parent === undefined) {
		const special = topLevelProperty(field, base);
		if (special) return special;
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
			if (context.inGroup && !field.required) {
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
		case 'object':
		case 'objectList':
			return groupProperty(field, context);
		default:
			if (field.email)
				return { ...base, type: 'string', placeholder: 'name@email.com', default: '' };
			return { ...base, type: 'string', default: '' };
	}
}

/** Top-level fields with a picker: links to other records, pipeline stages, custom fields. */
function topLevelProperty(
	field: CatalogField,
	base: { displayName: string; name: string; description: string },
): INodeProperties | undefined {
	const target = LINKS[field.name];
	if (target && field.type === 'string') {
		return locatorProperty(target, {
			...base,
			displayName: base.displayName.replace(/ ID$/, ''),
			description: [base.description, 'Pick it from the list or give its ID.']
				.filter(Boolean)
				.join('. '),
		});
	}
	if (field.name === 'pipeline_stage_id') {
		return {
			...base,
			displayName: 'Pipeline Stage Name or ID',
			type: 'options',
			typeOptions: {
				loadOptionsMethod: 'getPipelineStages',
				loadOptionsDependsOn: ['additionalFields.pipeline_id', 'updateFields.pipeline_id'],
			},
			default: '',
			description:
				'Stage within the chosen pipeline. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		};
	}
	if (field.name === 'custom_fields' && field.type === 'objectList') return customFieldsProperty();
	return undefined;
}

/**
 * Objects and lists of objects become groups (repeatable for lists). A group inside a group —
 * such as the choices of a custom object schema field — is taken as JSON instead.
 */
function groupProperty(field: CatalogField, context: Context): INodeProperties {
	const displayName = displayNameOf(field.name);
	if (context.inGroup) {
		return {
			displayName,
			name: field.name,
			type: 'json',
			default: '',
			hint: field.type === 'objectList' ? 'A JSON array of objects' : 'A JSON object',
			description: describeField(context.resource, field.name, context.parent),
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
		description: describeField(context.resource, field.name, context.parent),
		options: [
			{
				displayName: multiple ? singularOf(displayName) : displayName,
				name: 'values',
				values: (field.fields ?? []).map((sub) => ({
					...fieldProperty(sub, { resource: context.resource, parent: field.name, inGroup: true }),
					...(sub.required ? { required: true } : {}),
				})),
			},
		],
	};
}

/** Sorted by display name, as n8n lists the options of a collection. */
export function fieldProperties(
	fields: readonly CatalogField[],
	resource: ResourceValue,
): INodeProperties[] {
	return fields
		.map((field) => fieldProperty(field, { resource }))
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
}
