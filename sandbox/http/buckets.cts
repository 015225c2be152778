import type { JsonObject } from './types.cjs';

/** Records of one resource in one scope, by id, with cached orderings for fast paging. */
export interface Bucket {
	records: Map<string, JsonObject>;
	version: number;
	ordered?: { version: number; records: JsonObject[] };
	view?: { version: number; key: string; records: JsonObject[] };
}

/** Buckets by key; a backend decides what a key is (e.g. consumer + connection + resource). */
export class Buckets {
	private map = new Map<string, Bucket>();

	get(key: string): Bucket {
		let bucket = this.map.get(key);
		if (!bucket) {
			bucket = { records: new Map(), version: 0 };
			this.map.set(key, bucket);
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

	set(bucket: Bucket, record: JsonObject) {
		bucket.records.set(record.id as string, record);
		bucket.version++;
	}

	delete(bucket: Bucket, id: string): boolean {
		const removed = bucket.records.delete(id);
		if (removed) bucket.version++;
		return removed;
	}

	empty(bucket: Bucket) {
		bucket.records.clear();
		bucket.version++;
	}

	clear() {
		this.map.clear();
	}
}
