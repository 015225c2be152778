import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath } from '../../shared/core';
import { pairsValue, readId } from '../../shared/crm';
import type { CatalogEndpoint, CatalogResource } from '../catalog';

/** The integrated account picked for this item; empty means the credential's default. */
export const readIntegratedAccount = (ctx: IExecuteFunctions, itemIndex: number) =>
	String(
		ctx.getNodeParameter('integratedAccount', itemIndex, '', { extractValue: true }) ?? '',
	).trim();

/** The "Options" collection of this item and what every request of the item carries. */
export function readOptions(ctx: IExecuteFunctions, itemIndex: number) {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		options,
		call: {
			itemIndex,
			integratedAccountId: readIntegratedAccount(ctx, itemIndex) || undefined,
			timeoutMs: Number(options.timeout) || undefined,
		},
	};
}

/** What every request of one item carries: its index, integrated account and timeout. */
export type Call = ReturnType<typeof readOptions>['call'];

export const splitList = (value: unknown): string[] =>
	(Array.isArray(value) ? value : String(value ?? '').split(','))
		.map((part) => String(part).trim())
		.filter((part) => part.length > 0);

/**
 * Truto's own query parameters from the Options, limited to what the endpoint takes. Simplify
 * asks Truto to leave out remote_data, which it drops anyway.
 */
export function readQuery(
	endpoint: CatalogEndpoint,
	options: IDataObject,
	simplify = false,
): IDataObject {
	const query: IDataObject = {};
	const takes = (name: CatalogEndpoint['query'][number]) => endpoint.query.includes(name);
	if (takes('truto_ignore_remote_data') && (simplify || options.ignoreRemoteData === true))
		query.truto_ignore_remote_data = true;
	const exclude = splitList(options.excludeFields);
	if (takes('truto_exclude_fields') && exclude.length) query.truto_exclude_fields = exclude;
	const format = String(options.responseFormat ?? 'unified');
	if (takes('truto_response_format') && format !== 'unified') query.truto_response_format = format;
	const remote = pairsValue(options.remoteQuery);
	if (takes('remote_query') && Object.keys(remote).length) query.remote_query = remote;
	return query;
}

/** The endpoint's path, its record ID read from the item unless already `known`. */
export function endpointPath(
	ctx: IExecuteFunctions,
	resource: CatalogResource,
	endpoint: CatalogEndpoint,
	itemIndex: number,
	known?: string,
): string {
	if (!endpoint.pathParams.includes('id')) return endpoint.path;
	const id = known ?? readId(ctx, 'id', itemIndex, `${resource.displayName} ID`);
	return apiPath(endpoint.path, { id });
}
