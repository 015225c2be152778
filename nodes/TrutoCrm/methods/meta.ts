import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { apiPath } from '../../shared/core';
import { trutoRequest } from '../../shared/truto';
import type { CatalogResource } from '../catalog';
import { segmentOf } from '../catalog';
import { currentAccount } from './context';

/**
 * How one method of a resource looks for the integrated account's CRM, from Truto's method
 * metadata (GET /unified/crm/{resource}/meta/{method}). Truto documents it only in its SDK and
 * agent notes; the part read here (`part`: request_body_schema, query_schema) must be an object
 * keyed by field name, else the error says what came and what to use instead.
 */
export async function methodSchema(
	ctx: ILoadOptionsFunctions,
	resource: CatalogResource,
	method: string,
	part: 'request_body_schema' | 'query_schema',
	instead: string,
): Promise<IDataObject> {
	let meta: IDataObject;
	try {
		meta = await trutoRequest<IDataObject>(ctx, {
			method: 'GET',
			path: apiPath('/unified/crm/{resource}/meta/{method}', {
				resource: segmentOf(resource),
				method,
			}),
			integratedAccountId: currentAccount(ctx),
		});
	} catch (error) {
		if (!(error instanceof NodeApiError)) throw error as NodeOperationError;
		throw new NodeOperationError(
			ctx.getNode(),
			`Truto could not describe the CRM's fields for this integrated account (${error.message})`,
			{ description: `${instead} ${error.description ?? ''}`.trim() },
		);
	}
	const schema = meta[part];
	if (!schema || typeof schema !== 'object' || Array.isArray(schema)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Truto's description of ${resource.displayName} ${method} has no ${part} object`,
			{
				description: `This node reads ${part} as an object keyed by field name; Truto answered with ${Object.keys(meta).join(', ') || 'nothing'}. ${instead}`,
			},
		);
	}
	return schema as IDataObject;
}
