import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apideckList, apideckRequest } from '../../shared/apideck';
import { apiPath } from '../../shared/core';
import {
	emptyMatchError,
	hasMatch,
	lowerName,
	rememberCreated,
	severalMatchError,
	upsertProperties,
	withCreatedEarlier,
	withMatchEmail,
} from '../../shared/crm';
import type { CatalogResource } from '../catalog';
import { optionsProperty } from '../descriptions/common';
import { upsertMatchOf } from '../rules';
import { matchKey, matchValue } from './matching';
import { readOptions } from './parameters';
import {
	bodyOf,
	createRecord,
	createValues,
	readRecord,
	readWritten,
	requireCreateFields,
	withRequiredUpdateFields,
} from './records';

// Candidates read to look for the exact match; CRMs may match a filter loosely.
const LOOKUP_LIMIT = 50;

/** The match email and options; the record fields are Create's, shown for this operation too. */
export const description = (resource: CatalogResource): INodeProperties[] =>
	upsertProperties(resource, upsertMatchOf(resource), optionsProperty(resource, 'upsert'));

/** Items that would find the same record run one after another, so only the first creates it. */
export function orderingKey(
	this: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
): string | undefined {
	const matchOn = upsertMatchOf(resource);
	const value = matchOn ? matchValue(this, matchOn, itemIndex) : '';
	return value ? matchKey(resource, value, readOptions(this, itemIndex).overrides) : undefined;
}

const isMatch = (record: IDataObject, matchOn: 'email' | 'name', value: string) =>
	hasMatch(record, matchOn, value, 'emails');

/**
 * Create or Update: look the record up with Apideck's filter on the match field, update the
 * single match, create one when there is none, and refuse to guess when several match.
 */
export async function execute(
	this: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
): Promise<IDataObject[]> {
	const matchOn = upsertMatchOf(resource)!;
	const noun = lowerName(resource);
	const value = matchValue(this, matchOn, itemIndex);
	if (!value) throw emptyMatchError(this, resource, matchOn, itemIndex);
	const body = bodyOf(this, resource.fields, createValues(this, resource, itemIndex), itemIndex);
	const { overrides } = readOptions(this, itemIndex);

	const candidates = await apideckList(this, {
		method: 'GET',
		path: resource.operations.getAll!.path,
		query: { filter: { [matchOn]: value } },
		returnAll: false,
		limit: LOOKUP_LIMIT,
		itemIndex,
		...overrides,
	});
	const key = matchKey(resource, value, overrides);
	const matches = withCreatedEarlier(
		this,
		key,
		candidates.filter((record) => isMatch(record, matchOn, value)),
	);

	if (matches.length > 1) {
		throw severalMatchError(this, resource, matchOn, value, matches, itemIndex);
	}

	if (matches.length === 1) {
		const id = String(matches[0].id);
		const update = resource.operations.update!;
		if (Object.keys(body).length) {
			const patch = await withRequiredUpdateFields(
				this,
				resource,
				body,
				itemIndex,
				() => readRecord(this, resource, itemIndex, { id }, overrides),
				matches[0],
			);
			await apideckRequest(this, {
				method: update.method,
				path: apiPath(update.path, { id }),
				body: patch,
				itemIndex,
				...overrides,
			});
		}
		const record = await readWritten(
			this,
			resource,
			itemIndex,
			{ id, action: 'updated' },
			overrides,
		);
		return [{ ...record, _upsert: 'updated' }];
	}

	requireCreateFields(
		this,
		resource,
		body,
		itemIndex,
		`No ${noun} has the ${matchOn} "${value}", so a new one is created.`,
	);
	const create = resource.operations.create!;
	const id = await createRecord(this, {
		method: create.method,
		path: create.path,
		body: matchOn === 'email' ? withMatchEmail(body, value, 'emails') : body,
		itemIndex,
		...overrides,
	});
	if (id) rememberCreated(this, key, id);
	const record = id
		? await readWritten(this, resource, itemIndex, { id, action: 'created' }, overrides)
		: { id };
	return [{ ...record, _upsert: 'created' }];
}
