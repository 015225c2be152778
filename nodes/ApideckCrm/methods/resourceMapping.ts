import type {
	FieldType,
	IDataObject,
	ILoadOptionsFunctions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import { apideckRequest } from '../../shared/apideck';
import { apiPath } from '../../shared/core';
import { chosenFirst, dropdownOverrides } from './context';

/**
 * Schema field types (custom_object_schema.field.type) as n8n column types. A date stays text
 * (YYYY-MM-DD): n8n would turn it into a date-time in the workflow's time zone.
 */
const COLUMN_TYPES: Record<string, FieldType> = {
	number: 'number',
	integer: 'number',
	currency: 'number',
	boolean: 'boolean',
	datetime: 'dateTime',
	select: 'options',
	multiselect: 'array',
};

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** Apideck names a record's field values by the schema field's name. */
const columnIdOf = (field: IDataObject) => text(field.name) || text(field.id);

function toColumn(field: IDataObject, creating: boolean): ResourceMapperField {
	const options = Array.isArray(field.options) ? (field.options as IDataObject[]) : [];
	const type = COLUMN_TYPES[text(field.type)] ?? 'string';
	return {
		id: columnIdOf(field),
		displayName: columnIdOf(field),
		// An update may leave any field alone; only a new record needs the required ones.
		required: creating && field.required === true,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: type === 'options' && !options.length ? 'string' : type,
		...(type === 'options' && options.length
			? {
					options: options.map((option) => ({
						name: text(option.label) || text(option.value),
						value: text(option.value),
					})),
				}
			: {}),
	};
}

/** Columns of a custom object record, read from the chosen object's schema. */
export async function getCustomObjectColumns(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const objectId = chosenFirst(
		this,
		['objectId'],
		'the custom object',
		'Pick the Object above; its fields are shown here once it is set.',
	);
	const response = await apideckRequest<{ data?: IDataObject }>(this, {
		method: 'GET',
		path: apiPath('/crm/custom-object-schemas/{id}', { id: objectId }),
		...dropdownOverrides(this),
	});
	const fields = Array.isArray(response.data?.fields)
		? (response.data.fields as IDataObject[])
		: [];
	const creating = this.getCurrentNodeParameter('operation') !== 'update';
	return {
		fields: fields.filter((field) => columnIdOf(field)).map((field) => toColumn(field, creating)),
	};
}

export const resourceMapping = { getCustomObjectColumns };
