import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { apideckRequest } from './request';
import type { ApideckFunctions, ApideckListEnvelope, ApideckRequest } from './types';

export const MAX_PAGE_SIZE = 200;
const MAX_EMPTY_PAGES_IN_A_ROW = 10;

function stuckError(ctx: ApideckFunctions, request: ApideckRequest, reason: string) {
	return new NodeApiError(
		ctx.getNode(),
		{ message: reason },
		{
			message: 'Apideck kept returning the same page',
			description: `${reason} Stopped to avoid an endless loop (${request.method} ${request.path}). Try again later; if it persists, report it to Apideck with this connector's name.`,
			itemIndex: request.itemIndex,
		},
	);
}

/**
 * Walks a list endpoint page by page with the cursor in meta.cursors.next. `pageSize` may be a
 * function of the number of records already yielded so that a limit stops exactly.
 */
export async function* apideckPages(
	ctx: ApideckFunctions,
	request: ApideckRequest & {
		pageSize?: number | ((received: number) => number);
		onPage?: (envelope: ApideckListEnvelope) => void;
	},
): AsyncGenerator<IDataObject[]> {
	const { pageSize, onPage, ...base } = request;
	const seen = new Set<string>();
	let cursor: string | undefined;
	let received = 0;
	let emptyPages = 0;
	for (;;) {
		const size = typeof pageSize === 'function' ? pageSize(received) : (pageSize ?? MAX_PAGE_SIZE);
		const page = await apideckRequest<ApideckListEnvelope>(ctx, {
			...base,
			query: { ...base.query, cursor, limit: size },
		});
		onPage?.(page);
		const records = Array.isArray(page.data) ? page.data : [];
		received += records.length;
		yield records;

		const next = page.meta?.cursors?.next;
		if (!next) return;
		if (seen.has(next) || next === cursor) {
			throw stuckError(ctx, request, `The next-page cursor "${next}" was returned twice.`);
		}
		emptyPages = records.length ? 0 : emptyPages + 1;
		if (emptyPages >= MAX_EMPTY_PAGES_IN_A_ROW) {
			throw stuckError(
				ctx,
				request,
				`${emptyPages} empty pages in a row still pointed to a next page.`,
			);
		}
		seen.add(next);
		cursor = next;
	}
}

/**
 * Every record (returnAll) or exactly the first `limit` records of a list endpoint.
 * `withPage` lets a caller copy something from the page envelope (such as `_raw`) onto its records.
 */
export async function apideckList(
	ctx: ApideckFunctions,
	request: ApideckRequest & {
		returnAll: boolean;
		limit?: number;
		withPage?: (record: IDataObject, page: ApideckListEnvelope) => IDataObject;
	},
): Promise<IDataObject[]> {
	const { returnAll, limit = 50, withPage, ...rest } = request;
	const records: IDataObject[] = [];
	let current: ApideckListEnvelope | undefined;
	const pageSize = returnAll
		? MAX_PAGE_SIZE
		: (received: number) => Math.max(1, Math.min(MAX_PAGE_SIZE, limit - received));
	if (!returnAll && limit <= 0) return records;
	for await (const page of apideckPages(ctx, {
		...rest,
		pageSize,
		onPage: withPage && ((envelope) => (current = envelope)),
	})) {
		for (const record of page) {
			records.push(withPage && current ? withPage(record, current) : record);
			if (!returnAll && records.length >= limit) return records;
		}
	}
	return records;
}
