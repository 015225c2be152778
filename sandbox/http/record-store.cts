import type { JsonObject } from './types.cjs';

/** Records of one resource in one scope, by id, with cached orderings for fast paging. */
export interface Bucket {
	records: Map<string, JsonObject>;
	version: number;
	ordered?: { version: number; records: JsonObject[] };
	view?: { version: number; key: string; records: JsonObject[] };
}

/**
 * Records by resource and scope. A backend says what a scope is (a consumer's connection, an
 * integrated account) through key(), and how API bodies become records.
 */
export abstract class RecordStore<Scope> {
	private buckets = new Map<string, Bucket>();

	/** The bucket key of a resource in a scope; throws for an unknown resource or scope. */
	protected abstract key(resource: string, scope?: Scope): string;

	bucket(resource: string, scope?: Scope): Bucket {
		const key = this.key(resource, scope);
		let bucket = this.buckets.get(key);
		if (!bucket) {
			bucket = { records: new Map(), version: 0 };
			this.buckets.set(key, bucket);
		}
		return bucket;
	}

	/** Records in insertion order; the array is cached until the bucket changes. Do not mutate. */
	ordered(bucket: Bucket): JsonObject[] {
		if (bucket.ordered?.version !== bucket.version) {
			bucket.ordered = { version: bucket.version, records: Array.from(bucket.records.values()) };
		}
		return bucket.ordered.records;
	}

	/** Memoises one filtered/sorted view per bucket so paging through it stays O(page). */
	view(bucket: Bucket, key: string, compute: () => JsonObject[]): JsonObject[] {
		if (bucket.view?.version !== bucket.version || bucket.view.key !== key) {
			bucket.view = { version: bucket.version, key, records: compute() };
		}
		return bucket.view.records;
	}

	protected store(bucket: Bucket, record: JsonObject): JsonObject {
		bucket.records.set(record.id as string, record);
		bucket.version++;
		return record;
	}

	get(resource: string, id: string, scope?: Scope): JsonObject | undefined {
		const record = this.bucket(resource, scope).records.get(id);
		return record && structuredClone(record);
	}

	list(resource: string, scope?: Scope): JsonObject[] {
		return structuredClone(this.ordered(this.bucket(resource, scope)));
	}

	count(resource: string, scope?: Scope): number {
		return this.bucket(resource, scope).records.size;
	}

	remove(resource: string, id: string, scope?: Scope): boolean {
		const bucket = this.bucket(resource, scope);
		const removed = bucket.records.delete(id);
		if (removed) bucket.version++;
		return removed;
	}

	/** Empties one resource in one scope, or everything when called without arguments. */
	clear(resource?: string, scope?: Scope): void {
		if (!resource) {
			this.buckets.clear();
			return;
		}
		const bucket = this.bucket(resource, scope);
		bucket.records.clear();
		bucket.version++;
	}
}
