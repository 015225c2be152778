// Records per integrated account and unified resource. Ids come from the account's CRM
// (integrations.cts), so they look like that CRM's ids; timestamps are set here.
import { RecordStore } from '../http/record-store.cjs';
import { own, type JsonObject } from '../http/types.cjs';
import type { Accounts } from './accounts.cjs';
import { RESOURCES } from './generated/schema.cjs';
import { integrationFor } from './integrations.cjs';

const SERVER_FIELDS = ['id', 'created_at', 'updated_at'];

export class TrutoStore extends RecordStore<string> {
	private counters = new Map<string, number>();

	constructor(private accounts: Accounts) {
		super();
	}

	/** accountId may also be an account's key ('salesforce'); absent = the first account. */
	protected key(resource: string, accountId?: string): string {
		if (!own(RESOURCES, resource)) throw new Error(`Unknown Truto resource '${resource}'`);
		return `${this.account(accountId)}\u0000${resource}`;
	}

	private account(keyOrId?: string): string {
		return keyOrId === undefined ? this.accounts.defaultId() : this.accounts.id(keyOrId);
	}

	/** The next id the account's CRM would give a record of this resource. */
	newId(resource: string, accountId?: string): string {
		const account = this.account(accountId);
		const key = this.key(resource, account);
		const n = (this.counters.get(key) ?? 0) + 1;
		this.counters.set(key, n);
		return integrationFor(this.accounts.integrationOf(account)).recordId(resource, n);
	}

	/** Stores a record as given; fills id and timestamps when missing. Account: default first. */
	insert(resource: string, record: JsonObject, accountId?: string): JsonObject {
		return structuredClone(this.put(resource, record, accountId));
	}

	/** Fast bulk insert (thousands of records for benchmarks); returns the number stored. */
	insertMany(resource: string, records: JsonObject[], accountId?: string): number {
		for (const record of records) this.put(resource, record, accountId);
		return records.length;
	}

	private put(resource: string, input: JsonObject, accountId?: string): JsonObject {
		const now = new Date().toISOString();
		const { id, created_at, updated_at, ...fields } = input;
		const record: JsonObject = {
			id: id === undefined ? this.newId(resource, accountId) : String(id),
			...fields,
			created_at: created_at ?? now,
			updated_at: updated_at ?? created_at ?? now,
		};
		return this.store(this.bucket(resource, accountId), record);
	}

	/** A record from an API body: the server sets id and timestamps. */
	create(resource: string, body: JsonObject, accountId: string): JsonObject {
		return this.put(resource, withoutServerFields(body), accountId);
	}

	/** Merges an API body into a record (PATCH); custom_fields and remote_data merge one level deeper. */
	patch(
		resource: string,
		id: string,
		body: JsonObject,
		accountId?: string,
	): JsonObject | undefined {
		const bucket = this.bucket(resource, accountId);
		const existing = bucket.records.get(id);
		if (!existing) return undefined;
		const changes = withoutServerFields(body);
		const record: JsonObject = { ...existing, ...changes, updated_at: new Date().toISOString() };
		for (const nested of ['custom_fields', 'remote_data']) {
			if (changes[nested] && existing[nested])
				record[nested] = {
					...(existing[nested] as JsonObject),
					...(changes[nested] as JsonObject),
				};
		}
		return this.store(bucket, record);
	}

	/** Empties one resource of one account, or everything (ids start again) without arguments. */
	clear(resource?: string, accountId?: string): void {
		if (!resource) this.counters.clear();
		super.clear(resource, accountId);
	}
}

function withoutServerFields(body: JsonObject): JsonObject {
	return Object.fromEntries(Object.entries(body).filter(([key]) => !SERVER_FIELDS.includes(key)));
}
