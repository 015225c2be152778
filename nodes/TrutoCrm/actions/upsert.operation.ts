import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiPath } from '../../shared/core';
import {
	emptyMatchError,
	hasMatch,
	lowerName,
	pluralOf,
	rememberCreated,
	severalMatchError,
	upsertProperties,
	withCreatedEarlier,
	withMatchEmail,
} from '../../shared/crm';
import { trutoPage } from '../../shared/truto';
import type { CatalogResource } from '../catalog';
import { optionsProperty } from '../descriptions/common';
import { upsertMatchOf } from '../rules';
import type { Call } from './parameters';
import { readIntegratedAccount, readOptions, readQuery } from './parameters';
import { sendWrite, writeBody } from './records';

// Candidates read to look for the exact match; CRMs may match a filter loosely.
const LOOKUP_SIZE = 100;

/** The match email, or a notice that the name is matched; the fields are Create's. */
export const description = (resource: CatalogResource): INodeProperties[] =>
	upsertProperties(resource, upsertMatchOf(resource), optionsProperty(resource, 'upsert'));

const isMatch = (record: IDataObject, matchOn: 'email' | 'name', value: string) =>
	hasMatch(record, matchOn, value, 'email_addresses');

/** The value matched on: the Email parameter, or the Name among the fields to write. */
function matchValue(
	ctx: IExecuteFunctions,
	resource: CatalogResource,
	matchOn: 'email' | 'name',
	itemIndex: number,
	body?: IDataObject,
): string {
	const raw =
		matchOn === 'email'
			? ctx.getNodeParameter('email', itemIndex, '')
			: (body ?? writeBody(ctx, resource, 'additionalFields', itemIndex)).name;
	return String(raw ?? '').trim();
}

/** Items with this key would find the same record: same resource, account and value. */
const matchKey = (
	ctx: IExecuteFunctions,
	resource: CatalogResource,
	value: string,
	itemIndex: number,
) => [resource.value, readIntegratedAccount(ctx, itemIndex), value.toLowerCase()].join('\u0000');

/** Items that would find the same record run one after another, so only the first creates it. */
export function orderingKey(
	this: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
): string | undefined {
	const matchOn = upsertMatchOf(resource);
	const value = matchOn ? matchValue(this, resource, matchOn, itemIndex) : '';
	return value ? matchKey(this, resource, value, itemIndex) : undefined;
}

/**
 * The records the match value finds. Truto's email filter is not documented in detail, so when
 * records with other values come back and there are more pages, the filter was not applied:
 * say so rather than miss a match beyond the first page and create a duplicate.
 */
async function findMatches(
	ctx: IExecuteFunctions,
	resource: CatalogResource,
	matchOn: 'email' | 'name',
	value: string,
	call: Call,
): Promise<IDataObject[]> {
	const filter = matchOn === 'email' ? 'email_addresses' : 'name';
	const page = await trutoPage(
		ctx,
		{ method: 'GET', path: resource.operations.getAll!.path, query: { [filter]: value }, ...call },
		undefined,
		LOOKUP_SIZE,
	);
	const matches = page.records.filter((record) => isMatch(record, matchOn, value));
	if (!matches.length && page.next && page.records.length) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Could not tell whether a ${lowerName(resource)} has the ${matchOn} "${value}" (item ${call.itemIndex})`,
			{
				itemIndex: call.itemIndex,
				description: `Asked to filter on ${filter}, Truto answered ${pluralOf(lowerName(resource))} with other values and more pages, so this CRM does not seem to apply that filter. Nothing was written. Use Get Many and Update or Create instead.`,
			},
		);
	}
	return matches;
}

/**
 * Create or Update: look the record up by its email (contacts, leads) or name (accounts), update
 * the single match, create one when there is none, and refuse to guess when several match.
 */
export async function execute(
	this: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
): Promise<IDataObject[]> {
	const matchOn = upsertMatchOf(resource)!;
	const noun = lowerName(resource);
	const body = writeBody(this, resource, 'additionalFields', itemIndex);
	const value = matchValue(this, resource, matchOn, itemIndex, body);
	if (!value) {
		// The name is not a parameter of its own here: it is one of the fields to write.
		const inFields = `Create or Update finds the ${noun} by its name: set Name among the fields.`;
		throw emptyMatchError(
			this,
			resource,
			matchOn,
			itemIndex,
			matchOn === 'name' ? inFields : undefined,
		);
	}
	const { options, call } = readOptions(this, itemIndex);
	const key = matchKey(this, resource, value, itemIndex);
	const matches = withCreatedEarlier(
		this,
		key,
		await findMatches(this, resource, matchOn, value, call),
	);
	if (matches.length > 1) {
		throw severalMatchError(this, resource, matchOn, value, matches, itemIndex);
	}

	if (matches.length === 1) {
		const endpoint = resource.operations.update!;
		const path = apiPath(endpoint.path, { id: String(matches[0].id) });
		const record = Object.keys(body).length
			? await sendWrite(this, endpoint, path, body, call, readQuery(endpoint, options))
			: matches[0];
		return [{ ...record, _upsert: 'updated' }];
	}

	const endpoint = resource.operations.create!;
	const created = await sendWrite(
		this,
		endpoint,
		endpoint.path,
		matchOn === 'email' ? withMatchEmail(body, value, 'email_addresses') : body,
		call,
		readQuery(endpoint, options),
	);
	if (created.id) rememberCreated(this, key, String(created.id));
	return [{ ...created, _upsert: 'created' }];
}
