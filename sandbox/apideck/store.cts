import { RecordStore, type Bucket } from '../http/record-store.cjs';
import { RESOURCES, type ResourceDef } from './resources.cjs';
import type { JsonObject } from './types.cjs';

/** Where records live: one bucket per consumer + connection + resource (+ parent for nested ones). */
export interface StoreScope {
	consumerId?: string;
	serviceId?: string;
	/** Schema id of a custom object (resource 'custom-objects'). */
	objectId?: string;
	/** List id of a list member (resource 'list-members'). */
	listId?: string;
}

export const SANDBOX_USER = 'sandbox-user';

export class CrmStore extends RecordStore<StoreScope> {
	private nextId = 10001;

	/** consumers: consumerId → connected services; the defaults are the first consumer and its first connection. */
	constructor(private consumers: Record<string, string[]>) {
		super();
	}

	protected key(resource: string, scope: StoreScope = {}): string {
		if (!RESOURCES[resource]) throw new Error(`Unknown sandbox resource '${resource}'`);
		const consumerId = scope.consumerId ?? Object.keys(this.consumers)[0];
		const serviceId = scope.serviceId ?? this.consumers[consumerId]?.[0];
		if (!consumerId || !serviceId)
			throw new Error(`No connection to store ${resource} for consumer '${consumerId}'`);
		const parent =
			resource === 'custom-objects'
				? scope.objectId
				: resource === 'list-members'
					? scope.listId
					: '';
		if (parent === undefined)
			throw new Error(
				`store scope for '${resource}' needs ${resource === 'custom-objects' ? 'objectId' : 'listId'}`,
			);
		return [consumerId, serviceId, resource, parent].join('\u0000');
	}

	newId(): string {
		return String(this.nextId++);
	}

	/** Stores a record as given (read-only fields included); fills id and timestamps when missing. */
	insert(resource: string, record: JsonObject, scope?: StoreScope): JsonObject {
		return structuredClone(this.put(RESOURCES[resource], this.bucket(resource, scope), record));
	}

	/** Fast bulk insert (10,000 records for benchmarks); returns the number stored. */
	insertMany(resource: string, records: JsonObject[], scope?: StoreScope): number {
		const bucket = this.bucket(resource, scope);
		for (const record of records) this.put(RESOURCES[resource], bucket, record);
		return records.length;
	}

	private put(def: ResourceDef, bucket: Bucket, input: JsonObject): JsonObject {
		const now = new Date().toISOString();
		const record: JsonObject = {
			...input,
			id: input.id === undefined ? this.newId() : String(input.id),
		};
		if (def.readOnly.includes('created_at')) {
			record.created_at ??= now;
			record.updated_at ??= record.created_at;
		}
		if (def.audit) {
			record.created_by ??= SANDBOX_USER;
			record.updated_by ??= SANDBOX_USER;
		}
		return this.store(bucket, record);
	}

	/** Creates a record from an API body: read-only fields are ignored, the sandbox fills them. */
	create(resource: string, body: JsonObject, scope: StoreScope): JsonObject {
		const def = RESOURCES[resource];
		return this.put(def, this.bucket(resource, scope), stripReadOnly(def, body));
	}

	/** Shallow merge of an API body into a record (PATCH semantics). */
	patch(
		resource: string,
		id: string,
		body: JsonObject,
		scope?: StoreScope,
	): JsonObject | undefined {
		const def = RESOURCES[resource];
		const bucket = this.bucket(resource, scope);
		const existing = bucket.records.get(id);
		if (!existing) return undefined;
		const record: JsonObject = { ...existing, ...stripReadOnly(def, body) };
		if (def.readOnly.includes('updated_at')) record.updated_at = new Date().toISOString();
		if (def.audit) record.updated_by = SANDBOX_USER;
		return this.store(bucket, record);
	}
}

function stripReadOnly(def: ResourceDef, body: JsonObject): JsonObject {
	const out: JsonObject = {};
	for (const [key, value] of Object.entries(body)) {
		if (!def.readOnly.includes(key)) out[key] = value;
	}
	return out;
}
