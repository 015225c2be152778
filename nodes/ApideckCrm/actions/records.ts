import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ApideckRequest } from '../../shared/apideck';
import { apideckList, apideckRequest } from '../../shared/apideck';
import type { EntryCheck } from '../../shared/crm';
import {
	article,
	buildBody,
	displayNameOf,
	lowerName,
	readBack,
	readCollection,
	shapeRecord,
	writableValue,
} from '../../shared/crm';
import type { CatalogEndpoint, CatalogField, CatalogResource, OperationValue } from '../catalog';
import { rulesOf } from '../rules';
import type { Overrides } from './parameters';
import { endpointPath, readOptions, readQuery } from './parameters';

/** Apideck needs to know which custom field a value is for. */
const namesItsCustomField: EntryCheck = (field, entry) =>
	field.name === 'custom_fields' && entry.id === undefined && entry.name === undefined
		? { field: 'Field', problem: 'needs a custom field: pick one or give its ID' }
		: undefined;

/** A request body from parameter values keyed by field name (see buildBody). */
export const bodyOf = (
	ctx: IExecuteFunctions,
	fields: readonly CatalogField[],
	values: IDataObject,
	itemIndex: number,
) => buildBody(ctx, fields, values, itemIndex, namesItsCustomField);

/** The values Create (and Create or Update) sends: the required fields, then Additional Fields. */
export function createValues(
	ctx: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
): IDataObject {
	const values = readCollection(ctx, 'additionalFields', itemIndex);
	for (const name of resource.requiredCreateFields) {
		values[name] = ctx.getNodeParameter(name, itemIndex, '') as IDataObject[string];
	}
	return values;
}

/** Stops before a create that would lack a field Apideck requires. */
export function requireCreateFields(
	ctx: IExecuteFunctions,
	resource: CatalogResource,
	body: IDataObject,
	itemIndex: number,
	description?: string,
): void {
	for (const name of resource.requiredCreateFields) {
		if (body[name] === undefined) {
			throw new NodeOperationError(
				ctx.getNode(),
				`"${displayNameOf(name)}" is required to create ${article(lowerName(resource))} (item ${itemIndex})`,
				{ itemIndex, description },
			);
		}
	}
}

/**
 * Apideck's spec requires some of create's fields on every update too (a lead's name, a user's
 * emails). When the body lacks one, it gets the record's current value — from `known` when that
 * has it, else from `read` — so that the update is valid and leaves the field as it is.
 */
export async function withRequiredUpdateFields(
	ctx: IExecuteFunctions,
	resource: CatalogResource,
	body: IDataObject,
	itemIndex: number,
	read: () => Promise<IDataObject>,
	known: IDataObject = {},
): Promise<IDataObject> {
	const fields = resource.fields.filter(
		(field) => resource.requiredUpdateFields.includes(field.name) && body[field.name] === undefined,
	);
	if (!fields.length) return body;
	const current = fields.every((field) => writableValue(field, known[field.name]) !== undefined)
		? known
		: await read();
	const out = { ...body };
	for (const field of fields) {
		const value = writableValue(field, current[field.name]);
		if (value === undefined) {
			const label = displayNameOf(field.name);
			const noun = lowerName(resource);
			throw new NodeOperationError(
				ctx.getNode(),
				`"${label}" must be sent with every update of ${article(noun)}, and this ${noun} has none to keep (item ${itemIndex})`,
				{
					itemIndex,
					description: `Apideck requires "${label}" on updates as well as on creates. Give it a value in this node.`,
				},
			);
		}
		out[field.name] = value as IDataObject[string];
	}
	return out;
}

/** Sends a create; Apideck answers with the new record's ID only. */
export async function createRecord(ctx: IExecuteFunctions, request: ApideckRequest) {
	const response = await apideckRequest<{ data?: IDataObject }>(ctx, request);
	return String(response.data?.id ?? '');
}

/** GET one record; `known` fills path parameters already at hand (the ID after a create). */
export async function readRecord(
	ctx: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
	known: Record<string, string> = {},
	overrides: Overrides = {},
	query: IDataObject = {},
): Promise<IDataObject> {
	const endpoint = resource.operations.get!;
	const response = await apideckRequest<{ data?: IDataObject; _raw?: unknown }>(ctx, {
		method: endpoint.method,
		path: endpointPath(ctx, resource, endpoint, itemIndex, known),
		query,
		itemIndex,
		...overrides,
	});
	const record: IDataObject = { ...(response.data ?? {}) };
	if (response._raw !== undefined) record._raw = response._raw as IDataObject;
	return record;
}

/** The record just created or updated, read back; only its ID and `_readBack` when that fails. */
export const readWritten = (
	ctx: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
	written: { id: string; action: 'created' | 'updated' },
	overrides: Overrides = {},
) =>
	readBack(() => readRecord(ctx, resource, itemIndex, { id: written.id }, overrides), {
		...written,
		noun: lowerName(resource),
	});

/** Whether Simplify is offered and switched on for this item. */
export const simplifies = (ctx: IExecuteFunctions, resource: CatalogResource, itemIndex: number) =>
	rulesOf(resource).simple !== undefined &&
	(ctx.getNodeParameter('simplify', itemIndex, true) as boolean);

/** Lists the records of a list endpoint (Get Many, Get Members) for one input item. */
export async function listRecords(
	ctx: IExecuteFunctions,
	resource: CatalogResource,
	operation: OperationValue,
	itemIndex: number,
	extraQuery: IDataObject = {},
): Promise<IDataObject[]> {
	const endpoint = resource.operations[operation] as CatalogEndpoint;
	const { options, overrides } = readOptions(ctx, itemIndex);
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (ctx.getNodeParameter('limit', itemIndex, 50) as number);
	// With "Include Raw Response" Apideck puts the CRM's answer on each page's envelope, not on
	// the records: copy it onto every record of that page.
	const withPage =
		options.raw === true
			? (record: IDataObject, page: IDataObject) =>
					page._raw === undefined ? record : { ...record, _raw: page._raw }
			: undefined;
	const records = await apideckList(ctx, {
		method: endpoint.method,
		path: endpointPath(ctx, resource, endpoint, itemIndex),
		query: { ...readQuery(endpoint, options), ...extraQuery },
		itemIndex,
		...overrides,
		returnAll,
		limit,
		withPage,
	});
	const simplify = operation === 'getAll' && simplifies(ctx, resource, itemIndex);
	const simple = rulesOf(resource).simple;
	return records.map((record) =>
		shapeRecord(record, { simple, simplify, excludeFields: options.excludeFields }),
	);
}
