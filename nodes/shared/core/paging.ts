import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { sendRequest } from './request';
import type { ApiFunctions, ApiRequest, Backend } from './types';

const MAX_EMPTY_PAGES_IN_A_ROW = 10;

export interface Page {
	records: IDataObject[];
	/** Cursor of the next page; undefined on the last one. */
	next: string | undefined;
	/** The whole answer, for what the records do not carry (such as `_raw`). */
	envelope: IDataObject;
}

/** One page of a list endpoint, from `cursor` (the first page without one). */
export async function fetchPage<Request extends ApiRequest>(
	ctx: ApiFunctions,
	backend: Backend<Request>,
	request: Request,
	cursor: string | undefined,
	size: number,
): Promise<Page> {
	const envelope = await sendRequest<IDataObject, Request>(ctx, backend, {
		...request,
		query: { ...request.query, ...backend.list.pageQuery(cursor, size) },
	});
	const records = backend.list.records(envelope);
	return {
		records: Array.isArray(records) ? records : [],
		next: backend.list.nextCursor(envelope) || undefined,
		envelope,
	};
}

function stuckError(ctx: ApiFunctions, backendName: string, request: ApiRequest, reason: string) {
	return new NodeApiError(
		ctx.getNode(),
		{ message: reason },
		{
			message: `${backendName} kept returning the same page`,
			description: `${reason} Stopped to avoid an endless loop (${request.method} ${request.path}). Try again later; if it persists, report it to ${backendName} with this connector's name.`,
			itemIndex: request.itemIndex,
		},
	);
}

export type PagedRequest<Request extends ApiRequest> = Request & {
	/** Records per page, or a function of the records already received (so a limit stops exactly). */
	pageSize?: number | ((received: number) => number);
	onPage?: (envelope: IDataObject) => void;
};

/**
 * Walks a list endpoint page by page, following the backend's cursor. Stops with an error when
 * a cursor comes back twice or too many empty pages in a row still point to a next page.
 */
export async function* fetchPages<Request extends ApiRequest>(
	ctx: ApiFunctions,
	backend: Backend<Request>,
	request: PagedRequest<Request>,
): AsyncGenerator<IDataObject[]> {
	const { pageSize, onPage, ...base } = request;
	const seen = new Set<string>();
	let cursor: string | undefined;
	let received = 0;
	let emptyPages = 0;
	for (;;) {
		const size =
			typeof pageSize === 'function' ? pageSize(received) : (pageSize ?? backend.list.maxPageSize);
		const page = await fetchPage(ctx, backend, base as unknown as Request, cursor, size);
		onPage?.(page.envelope);
		received += page.records.length;
		yield page.records;

		const { next } = page;
		if (!next) return;
		if (seen.has(next) || next === cursor) {
			throw stuckError(
				ctx,
				backend.name,
				request,
				`The next-page cursor "${next}" was returned twice.`,
			);
		}
		emptyPages = page.records.length ? 0 : emptyPages + 1;
		if (emptyPages >= MAX_EMPTY_PAGES_IN_A_ROW) {
			throw stuckError(
				ctx,
				backend.name,
				request,
				`${emptyPages} empty pages in a row still pointed to a next page.`,
			);
		}
		seen.add(next);
		cursor = next;
	}
}

export type ListRequest<Request extends ApiRequest> = Request & {
	returnAll: boolean;
	limit?: number;
	/** Lets a caller copy something from the page envelope (such as `_raw`) onto its records. */
	withPage?: (record: IDataObject, page: IDataObject) => IDataObject;
};

/** Every record (returnAll) or exactly the first `limit` records of a list endpoint. */
export async function fetchList<Request extends ApiRequest>(
	ctx: ApiFunctions,
	backend: Backend<Request>,
	request: ListRequest<Request>,
): Promise<IDataObject[]> {
	const { returnAll, limit = 50, withPage, ...rest } = request;
	const { maxPageSize } = backend.list;
	const records: IDataObject[] = [];
	let current: IDataObject | undefined;
	const pageSize = returnAll
		? maxPageSize
		: (received: number) => Math.max(1, Math.min(maxPageSize, limit - received));
	if (!returnAll && limit <= 0) return records;
	for await (const page of fetchPages(ctx, backend, {
		...(rest as unknown as Request),
		pageSize,
		onPage: withPage && ((envelope: IDataObject) => (current = envelope)),
	})) {
		for (const record of page) {
			records.push(withPage && current ? withPage(record, current) : record);
			if (!returnAll && records.length >= limit) return records;
		}
	}
	return records;
}
