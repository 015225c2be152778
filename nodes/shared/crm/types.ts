/**
 * The field catalog a node is built from, generated per backend from its OpenAPI spec
 * (scripts/catalog/generate.cjs). Resource, operation and query names are the backend's own.
 */
export interface CatalogEndpoint<Query extends string = string> {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** Path template as in the spec, e.g. `/crm/custom-objects/{object_id}/{id}`. */
	path: string;
	pathParams: readonly string[];
	/** The query parameters the node can set, of those the backend's generator knows. */
	query: readonly Query[];
	/** True when the endpoint takes cursor/limit pagination. */
	paginated?: true;
}

export type FieldType =
	| 'string'
	/** A string that must never be shown, such as a password. */
	| 'secret'
	| 'number'
	| 'boolean'
	| 'enum'
	| 'dateTime'
	| 'date'
	| 'stringList'
	| 'object'
	| 'objectList'
	| 'json'
	/** A link to one record, sent as `{ id }`. */
	| 'link'
	/** Links to several records, sent as `[{ id }, …]`. */
	| 'linkList'
	/** An object keyed by field name, such as custom field values. */
	| 'map'
	| 'any';

export interface CatalogField {
	name: string;
	type: FieldType;
	required?: true;
	/** Whole numbers only. */
	integer?: true;
	/** The value is an email address. */
	email?: true;
	/** Allowed values of an `enum`. */
	values?: readonly string[];
	/** Sub-fields of an `object` or of each entry of an `objectList`. */
	fields?: readonly CatalogField[];
}

export interface CatalogResource<
	Resource extends string = string,
	Operation extends string = string,
	Query extends string = string,
> {
	value: Resource;
	displayName: string;
	operations: Partial<Record<Operation, CatalogEndpoint<Query>>>;
	/** Names of the fields Create cannot do without. */
	requiredCreateFields: readonly string[];
	/** Names of the fields every Update must send (the spec may keep create's required fields). */
	requiredUpdateFields: readonly string[];
	/** Every writable field of the record, read-only ones left out. */
	fields: readonly CatalogField[];
	filters: readonly CatalogField[];
	sortFields: readonly string[];
}
