import type { IDataObject } from 'n8n-workflow';

import type { ApiFunctions, ListRequest, Page, PagedRequest, RetryPolicy } from '../core';
import { fetchList, fetchPage, fetchPages, sendRequest } from '../core';
import { withIntegratedAccount } from './account';
import type { TrutoRequest } from './backend';
import { truto } from './backend';

export type { TrutoRequest } from './backend';
export { integratedAccountLabel, searchIntegratedAccounts } from './account';
export { CREDENTIAL_NAME, DEFAULT_BASE_URL } from './credential';
export { trutoSettings } from './settings';

/**
 * Sends one Truto request (see sendRequest) and returns the parsed JSON body. Unified calls
 * (`/unified/…`) carry the request's integrated account, else the credential's.
 */
export const trutoRequest = async <T = IDataObject>(
	ctx: ApiFunctions,
	request: TrutoRequest,
	policy?: RetryPolicy,
): Promise<T> =>
	await sendRequest<T, TrutoRequest>(ctx, truto, await withIntegratedAccount(ctx, request), policy);

/** One page of a Truto list, from `cursor` (next_cursor of the previous page). */
export const trutoPage = async (
	ctx: ApiFunctions,
	request: TrutoRequest,
	cursor: string | undefined,
	size: number,
): Promise<Page> =>
	await fetchPage(ctx, truto, await withIntegratedAccount(ctx, request), cursor, size);

/** Every page of a Truto list, following next_cursor until it is null. */
export async function* trutoPages(
	ctx: ApiFunctions,
	request: PagedRequest<TrutoRequest>,
): AsyncGenerator<IDataObject[]> {
	yield* fetchPages(ctx, truto, await withIntegratedAccount(ctx, request));
}

/** Every record (returnAll) or exactly the first `limit` records of a Truto list. */
export const trutoList = async (
	ctx: ApiFunctions,
	request: ListRequest<TrutoRequest>,
): Promise<IDataObject[]> => await fetchList(ctx, truto, await withIntegratedAccount(ctx, request));
