import type { IDataObject } from 'n8n-workflow';

import type { ApiFunctions, ListRequest, Page, PagedRequest, RetryPolicy } from '../core';
import { fetchList, fetchPage, fetchPages, sendRequest } from '../core';
import type { ApideckRequest } from './backend';
import { apideck } from './backend';

export type { ApideckRequest } from './backend';
export { apideckSettings } from './settings';

/** Sends one Apideck request (see sendRequest) and returns the parsed JSON body. */
export const apideckRequest = <T = IDataObject>(
	ctx: ApiFunctions,
	request: ApideckRequest,
	policy?: RetryPolicy,
): Promise<T> => sendRequest<T, ApideckRequest>(ctx, apideck, request, policy);

/** One page of an Apideck list, from `cursor`. */
export const apideckPage = (
	ctx: ApiFunctions,
	request: ApideckRequest,
	cursor: string | undefined,
	size: number,
): Promise<Page> => fetchPage(ctx, apideck, request, cursor, size);

/** Every page of an Apideck list, following meta.cursors.next. */
export const apideckPages = (ctx: ApiFunctions, request: PagedRequest<ApideckRequest>) =>
	fetchPages(ctx, apideck, request);

/** Every record (returnAll) or exactly the first `limit` records of an Apideck list. */
export const apideckList = (
	ctx: ApiFunctions,
	request: ListRequest<ApideckRequest>,
): Promise<IDataObject[]> => fetchList(ctx, apideck, request);
