export type ResourceValue =
	| 'activity'
	| 'company'
	| 'contact'
	| 'customObject'
	| 'customObjectSchema'
	| 'lead'
	| 'list'
	| 'note'
	| 'opportunity'
	| 'pipeline'
	| 'user';

export type OperationValue =
	| 'create'
	| 'get'
	| 'getAll'
	| 'update'
	| 'delete'
	| 'getMembers'
	| 'upsert';

export type QueryParam = 'fields' | 'filter' | 'sort' | 'pass_through' | 'raw';

export interface CatalogEndpoint {
	method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
	/** Path template as in the spec, e.g. `/crm/custom-objects/{object_id}/{id}`. */
	path: string;
	pathParams: readonly string[];
	query: readonly QueryParam[];
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

export interface CatalogResource {
	value: ResourceValue;
	displayName: string;
	operations: Partial<Record<OperationValue, CatalogEndpoint>>;
	/** Names of the fields Create cannot do without. */
	requiredCreateFields: readonly string[];
	/** Every writable field of the record, read-only ones left out. */
	fields: readonly CatalogField[];
	filters: readonly CatalogField[];
	sortFields: readonly string[];
}
