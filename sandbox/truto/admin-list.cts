// Truto's admin lists (/integrated-account, /webhook): { result, next_cursor, limit }.
import type { Cursors } from '../http/cursors.cjs';
import type { JsonObject, SandboxResponse } from '../http/types.cjs';
import { badRequest, invalidCursor } from './errors.cjs';

export const ADMIN_DEFAULT_LIMIT = 10;

export function adminPage(
	records: JsonObject[],
	query: JsonObject,
	cursors: Cursors,
	listKey: string,
): SandboxResponse {
	const raw = query.limit;
	if (raw !== undefined && (typeof raw !== 'string' || !/^[1-9]\d*$/.test(raw)))
		return badRequest('limit must be a whole number of at least 1');
	const limit = raw === undefined ? ADMIN_DEFAULT_LIMIT : Number(raw);
	let offset = 0;
	if (typeof query.next_cursor === 'string' && query.next_cursor !== '') {
		const decoded = cursors.decode(listKey, query.next_cursor);
		if (decoded === undefined) return invalidCursor('it was not issued for this list');
		offset = decoded;
	}
	const next = offset + limit < records.length ? cursors.encode(listKey, offset + limit) : null;
	return {
		status: 200,
		body: { result: records.slice(offset, offset + limit), next_cursor: next, limit },
	};
}

/** Keeps records whose field equals the query value (booleans given as 'true' / 'false'). */
export function whereEquals(
	records: JsonObject[],
	query: JsonObject,
	fields: string[],
): JsonObject[] {
	return records.filter((r) =>
		fields.every((f) => query[f] === undefined || String(r[f]) === String(query[f])),
	);
}
