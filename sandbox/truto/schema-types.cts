// The compact schema language of generated/schema.cts: a small subset of JSON Schema.

export type Schema =
	| {
			type: 'string';
			format?: 'date-time' | 'uuid';
			enum?: string[];
			nullable?: boolean;
	  }
	| { type: 'integer' | 'number'; minimum?: number; nullable?: boolean }
	| { type: 'boolean' | 'any'; nullable?: boolean }
	| { type: 'array'; items: Schema; minItems?: number; nullable?: boolean }
	| {
			type: 'object';
			properties?: Record<string, Schema>;
			required?: string[];
			/** Unknown properties are not allowed (additionalProperties: false). */
			closed?: boolean;
			/** At least one of these groups must be present in full (e.g. name or website). */
			anyOfRequired?: string[][];
			nullable?: boolean;
	  }
	| { anyOf: Schema[] };

export type ObjectSchema = Extract<Schema, { type: 'object' }>;

export interface MethodSchema {
	http: 'GET' | 'POST' | 'PATCH' | 'DELETE';
	accountRequired: boolean;
	/** Every query parameter the method documents (integrated_account_id aside). */
	query: Record<string, Schema>;
	body?: Schema;
	/** The reference marks the method itself as an assumption (x-inferred). */
	inferred?: boolean;
}

/** Unified method names: list, get, create, update, delete, merge, batch-delete. */
export interface ResourceSchema {
	record: Schema;
	methods: Partial<Record<string, MethodSchema>>;
}
