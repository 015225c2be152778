import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { trutoList, trutoRequest } from '../../shared/truto';
import { buildBody, readCollection, shapeRecord } from '../../shared/crm';
import type { CatalogEndpoint, CatalogResource } from '../catalog';
import { rulesOf } from '../rules';
import { columnsBody } from './columns';
import type { Call } from './parameters';
import { endpointPath, readOptions, readQuery } from './parameters';

/**
 * Whether Simplify is on for this item. It is offered on every read; records Truto answers in
 * the CRM's own format (Response Format: Raw) have no unified fields to keep, so they stay whole.
 */
export const simplifies = (ctx: IExecuteFunctions, itemIndex: number, options: IDataObject) =>
	options.responseFormat !== 'raw' &&
	(ctx.getNodeParameter('simplify', itemIndex, true) as boolean);

/** Simplify (the main fields; remote_data goes) and Exclude Fields, on one output record. */
export const shape = (
	resource: CatalogResource,
	record: IDataObject,
	settings: { simplify: boolean; options: IDataObject },
): IDataObject =>
	shapeRecord(record, {
		simple: rulesOf(resource).simple,
		simplify: settings.simplify,
		excludeFields: settings.options.excludeFields,
	});

/**
 * The body of a write (Create, Update, Create or Update): the unified fields set one by one, or
 * the columns mapped from the connected CRM's own fields.
 */
export function writeBody(
	ctx: IExecuteFunctions,
	resource: CatalogResource,
	collection: 'additionalFields' | 'updateFields',
	itemIndex: number,
): IDataObject {
	if (ctx.getNodeParameter('fieldSource', itemIndex, 'unified') === 'crm') {
		return columnsBody(ctx, itemIndex);
	}
	return buildBody(ctx, resource.fields, readCollection(ctx, collection, itemIndex), itemIndex);
}

/** Stops before a write that would send no field at all. */
export function requireFields(ctx: IExecuteFunctions, body: IDataObject, itemIndex: number): void {
	if (Object.keys(body).length) return;
	throw new NodeOperationError(ctx.getNode(), `No fields to send (item ${itemIndex})`, {
		itemIndex,
		description:
			'Add at least one field under Additional Fields or Update Fields (or map one under Fields) and give it a value.',
	});
}

/** Sends a write and answers the record Truto returns (Truto answers writes with the record). */
export async function sendWrite(
	ctx: IExecuteFunctions,
	endpoint: CatalogEndpoint,
	path: string,
	body: IDataObject,
	call: Call,
	query: IDataObject = {},
): Promise<IDataObject> {
	return await trutoRequest<IDataObject>(ctx, {
		method: endpoint.method,
		path,
		body,
		query,
		...call,
	});
}

/** Lists the records of a resource for one input item (Get Many). */
export async function listRecords(
	ctx: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
	filters: IDataObject,
): Promise<IDataObject[]> {
	const endpoint = resource.operations.getAll!;
	const { options, call } = readOptions(ctx, itemIndex);
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (ctx.getNodeParameter('limit', itemIndex, 50) as number);
	const simplify = simplifies(ctx, itemIndex, options);
	const records = await trutoList(ctx, {
		method: endpoint.method,
		path: endpointPath(ctx, resource, endpoint, itemIndex),
		query: { ...filters, ...readQuery(endpoint, options, simplify) },
		...call,
		returnAll,
		limit,
	});
	return records.map((record) => shape(resource, record, { simplify, options }));
}
