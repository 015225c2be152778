import type { Cursors } from '../http/cursors.cjs';
import { withoutParams } from '../http/query.cjs';
import { invalidCursor, validationError } from './errors.cjs';
import type { JsonObject, SandboxResponse } from './types.cjs';

// A cursor that does not decode (another sandbox, another list, hand-made) is an InvalidCursorError.
export { Cursors } from '../http/cursors.cjs';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 200;

type Parsed<T> = { ok: true; value: T } | { ok: false; error: SandboxResponse };

export function parseLimit(query: JsonObject): Parsed<number> {
	if (query.limit === undefined) return { ok: true, value: DEFAULT_LIMIT };
	const raw = query.limit;
	if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_LIMIT) {
		return {
			ok: false,
			error: validationError(`limit must be an integer from 1 to ${MAX_LIMIT}`, {
				limit: raw,
				minimum: 1,
				maximum: MAX_LIMIT,
			}),
		};
	}
	return { ok: true, value: Number(raw) };
}

export function parseCursor(cursors: Cursors, list: string, query: JsonObject): Parsed<number> {
	if (query.cursor === undefined || query.cursor === '') return { ok: true, value: 0 };
	const offset = typeof query.cursor === 'string' ? cursors.decode(list, query.cursor) : undefined;
	return offset === undefined ? { ok: false, error: invalidCursor() } : { ok: true, value: offset };
}

export interface PageInput {
	records: JsonObject[];
	offset: number;
	limit: number;
	cursors: Cursors;
	list: string;
	/** Absolute URL of the list without query, for `links`. */
	url: string;
	rawQuery: string;
	/** Fault: the next cursor equals the current one. */
	repeatCursor?: boolean;
}

export function page(input: PageInput) {
	const { records, offset, limit, cursors, list } = input;
	const data = records.slice(offset, offset + limit);
	const current = cursors.encode(list, offset);
	const previous = offset > 0 ? cursors.encode(list, Math.max(0, offset - limit)) : null;
	let next = offset + limit < records.length ? cursors.encode(list, offset + limit) : null;
	if (input.repeatCursor) next = current;
	const base = withoutParams(input.rawQuery, ['cursor']);
	const link = (cursor: string | null) =>
		cursor === null
			? null
			: `${input.url}?${base ? `${base}&` : ''}cursor=${encodeURIComponent(cursor)}`;
	return {
		data,
		meta: { items_on_page: data.length, cursors: { previous, current, next } },
		links: { previous: link(previous), current: link(current), next: link(next) },
	};
}
