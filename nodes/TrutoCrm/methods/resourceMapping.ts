import type {
	FieldType,
	IDataObject,
	ILoadOptionsFunctions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import { displayNameOf } from '../../shared/crm';
import { currentResource } from './context';
import { methodSchema } from './meta';

const INSTEAD =
	"Choose Truto's Unified Fields under Define Fields to set the fields one by one: they work with every CRM.";

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

const isObject = (value: unknown): value is IDataObject =>
	!!value && typeof value === 'object' && !Array.isArray(value);

/** A field that links to one record: an object whose only property is its id. */
const isLink = (schema: IDataObject) =>
	isObject(schema.properties) && Object.keys(schema.properties).join() === 'id';

/** A JSON-Schema-like field type as an n8n column type. */
function columnType(schema: IDataObject): FieldType {
	const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
	if (Array.isArray(schema.enum) && schema.enum.length) return 'options';
	if (type === 'string' && schema.format === 'date-time') return 'dateTime';
	if (type === 'number' || type === 'integer') return 'number';
	if (type === 'boolean') return 'boolean';
	if (type === 'array') return 'array';
	if (type === 'object') return 'object';
	return 'string';
}

function column(
	id: string,
	displayName: string,
	schema: IDataObject,
	required: boolean,
): ResourceMapperField {
	const type = columnType(schema);
	return {
		id,
		displayName,
		required,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type,
		...(type === 'options'
			? { options: (schema.enum as unknown[]).map((v) => ({ name: String(v), value: String(v) })) }
			: {}),
	};
}

/**
 * The columns of a write body schema keyed by field name. Column IDs are paths into the body
 * (read back by actions/columns.ts): links become `<field>.id`, lists of links `<field>[].id`,
 * custom fields `custom_fields.<name>`. remote_data stays with the unified fields.
 */
export function bodyColumns(body: IDataObject, creating: boolean): ResourceMapperField[] {
	const requiredList = Array.isArray(body.required) ? (body.required as string[]) : [];
	const properties =
		isObject(body.properties) && !isObject(body.properties.type) ? body.properties : body;
	const required = (name: string, schema: IDataObject) =>
		creating && (schema.required === true || requiredList.includes(name));
	const columns: ResourceMapperField[] = [];
	for (const [name, value] of Object.entries(properties)) {
		if (!isObject(value) || name === 'remote_data') continue;
		const label = displayNameOf(name);
		if (name === 'custom_fields') {
			const custom = isObject(value.properties) ? value.properties : {};
			const customRequired = Array.isArray(value.required) ? (value.required as string[]) : [];
			for (const [field, schema] of Object.entries(custom)) {
				if (!isObject(schema)) continue;
				columns.push(
					column(
						`custom_fields.${field}`,
						`${text(schema.title) || field} (custom)`,
						schema,
						creating && (schema.required === true || customRequired.includes(field)),
					),
				);
			}
		} else if (isLink(value)) {
			columns.push(column(`${name}.id`, `${label} ID`, { type: 'string' }, required(name, value)));
		} else if (value.type === 'array' && isObject(value.items) && isLink(value.items)) {
			columns.push(
				column(`${name}[].id`, `${label} IDs`, { type: 'string' }, required(name, value)),
			);
		} else {
			columns.push(column(name, label, value, required(name, value)));
		}
	}
	return columns;
}

/** Columns of Create / Update: the connected CRM's fields, custom fields included. */
export async function getCrmFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const resource = currentResource(this);
	if (!resource) return { fields: [] };
	const creating = this.getCurrentNodeParameter('operation') !== 'update';
	const body = await methodSchema(
		this,
		resource,
		creating ? 'create' : 'update',
		'request_body_schema',
		INSTEAD,
	);
	const fields = bodyColumns(body, creating);
	return fields.length
		? { fields }
		: { fields, emptyFieldsNotice: `Truto lists no fields to write for this CRM. ${INSTEAD}` };
}

export const resourceMapping = { getCrmFields };
