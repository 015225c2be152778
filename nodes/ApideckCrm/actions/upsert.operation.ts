import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apideckList, apideckRequest } from '../../shared/apideck';
import { apiPath } from '../../shared/core';
import { displayNameOf, lowerName, pluralOf, show } from '../../shared/crm';
import type { CatalogResource } from '../catalog';
import { optionsProperty } from '../descriptions/common';
import { upsertMatchOf } from '../rules';
import { readOptions } from './parameters';
import { bodyOf, createRecord, createValues, readWritten, requireCreateFields } from './records';

// Candidates read to look for the exact match; CRMs may match a filter loosely.
const LOOKUP_LIMIT = 50;

const emailProperty = (resource: CatalogResource): INodeProperties => ({
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'name@email.com',
	required: true,
	default: '',
	description: `Email address to find the ${lowerName(resource)} by. When none has it, a new ${lowerName(resource)} is created with it as primary email.`,
	displayOptions: show(resource, ['upsert']),
});

/** The match email and options; the record fields are Create's, shown for this operation too. */
export function description(resource: CatalogResource): INodeProperties[] {
	const matchOn = upsertMatchOf(resource);
	if (!matchOn) return [];
	return [
		matchOn === 'email'
			? emailProperty(resource)
			: {
					displayName: `The ${lowerName(resource)} is found by its exact ${displayNameOf(matchOn)} (case ignored): updated when one matches, created when none does`,
					name: 'upsertNotice',
					type: 'notice',
					default: '',
					displayOptions: show(resource, ['upsert']),
				},
		optionsProperty(resource, 'upsert'),
	];
}

const same = (a: unknown, b: string) =>
	typeof a === 'string' && a.trim().toLowerCase() === b.toLowerCase();

function isMatch(record: IDataObject, matchOn: 'email' | 'name', value: string): boolean {
	if (matchOn === 'name') return same(record.name, value);
	const emails = Array.isArray(record.emails) ? (record.emails as IDataObject[]) : [];
	return emails.some((entry) => same(entry?.email, value));
}

/** A new record must carry the email it was matched on; keep any other emails given. */
function withMatchEmail(body: IDataObject, email: string): IDataObject {
	const given = Array.isArray(body.emails) ? (body.emails as IDataObject[]) : [];
	if (given.some((entry) => same(entry.email, email))) return body;
	return { ...body, emails: [{ email, type: 'primary' }, ...given] };
}

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
	const value = String(this.getNodeParameter(matchOn, itemIndex, '') ?? '').trim();
	if (!value) {
		throw new NodeOperationError(
			this.getNode(),
			`"${displayNameOf(matchOn)}" is empty (item ${itemIndex})`,
			{
				itemIndex,
				description: `Create or Update finds the ${noun} by its ${matchOn}; give one or map it from an earlier node.`,
			},
		);
	}
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
	const matches = candidates.filter((record) => isMatch(record, matchOn, value));

	if (matches.length > 1) {
		throw new NodeOperationError(
			this.getNode(),
			`${matches.length} ${pluralOf(noun)} have the ${matchOn} "${value}" (item ${itemIndex})`,
			{
				itemIndex,
				description: `Create or Update changes a record only when exactly one matches. Matching IDs: ${matches
					.map((record) => String(record.id))
					.join(', ')}. Merge the duplicates in the CRM, or use Update with one of these IDs.`,
			},
		);
	}

	if (matches.length === 1) {
		const id = String(matches[0].id);
		const update = resource.operations.update!;
		if (Object.keys(body).length) {
			await apideckRequest(this, {
				method: update.method,
				path: apiPath(update.path, { id }),
				body,
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
		body: matchOn === 'email' ? withMatchEmail(body, value) : body,
		itemIndex,
		...overrides,
	});
	const record = id
		? await readWritten(this, resource, itemIndex, { id, action: 'created' }, overrides)
		: { id };
	return [{ ...record, _upsert: 'created' }];
}
