import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { displayNameOf, lowerName, pluralOf } from './naming';
import { show } from './properties';
import type { CatalogResource } from './types';

/**
 * The parameters of Create or Update besides Create's fields: what it matches on (an Email
 * parameter, or a notice that the name is used) and the operation's Options.
 */
export function upsertProperties(
	resource: CatalogResource,
	matchOn: 'email' | 'name' | undefined,
	options: INodeProperties,
): INodeProperties[] {
	return matchOn ? [upsertMatchProperty(resource, matchOn), options] : [];
}

function upsertMatchProperty(
	resource: CatalogResource,
	matchOn: 'email' | 'name',
): INodeProperties {
	const noun = lowerName(resource);
	if (matchOn === 'email') {
		return {
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			description: `Email address to find the ${noun} by (case ignored). When none has it, a new ${noun} is created with it as primary email. Items with the same email run one after another.`,
			displayOptions: show(resource, ['upsert']),
		};
	}
	return {
		displayName: `The ${noun} is found by its exact ${displayNameOf(matchOn)} (case ignored): updated when one matches, created when none does`,
		name: 'upsertNotice',
		type: 'notice',
		default: '',
		displayOptions: show(resource, ['upsert']),
	};
}

/** Text equal to `b`, case and surrounding spaces ignored. */
const sameText = (a: unknown, b: string) =>
	typeof a === 'string' && a.trim().toLowerCase() === b.toLowerCase();

/**
 * Whether a record has the match value: its name, or one of the addresses in its list of
 * emails (`emails` is that list's field, each entry with an `email`).
 */
export function hasMatch(
	record: IDataObject,
	matchOn: 'email' | 'name',
	value: string,
	emails: string,
): boolean {
	if (matchOn === 'name') return sameText(record.name, value);
	const list = Array.isArray(record[emails]) ? (record[emails] as IDataObject[]) : [];
	return list.some((entry) => sameText(entry?.email, value));
}

/** A new record must carry the email it was matched on; any other emails given are kept. */
export function withMatchEmail(body: IDataObject, email: string, emails: string): IDataObject {
	const given = Array.isArray(body[emails]) ? (body[emails] as IDataObject[]) : [];
	if (given.some((entry) => sameText(entry.email, email))) return body;
	return { ...body, [emails]: [{ email, type: 'primary' }, ...given] };
}

/**
 * Create or Update finds the record by its match value, so an item without one stops; the
 * description says where to give it (by default: a parameter to fill or map).
 */
export function emptyMatchError(
	ctx: IExecuteFunctions,
	resource: CatalogResource,
	matchOn: 'email' | 'name',
	itemIndex: number,
	description = `Create or Update finds the ${lowerName(resource)} by its ${matchOn}; give one or map it from an earlier node.`,
): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`"${displayNameOf(matchOn)}" is empty (item ${itemIndex})`,
		{ itemIndex, description },
	);
}

/** Create or Update changes a record only when exactly one has the match value. */
export function severalMatchError(
	ctx: IExecuteFunctions,
	resource: CatalogResource,
	matchOn: 'email' | 'name',
	value: string,
	matches: IDataObject[],
	itemIndex: number,
): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`${matches.length} ${pluralOf(lowerName(resource))} have the ${matchOn} "${value}" (item ${itemIndex})`,
		{
			itemIndex,
			description: `Create or Update changes a record only when exactly one matches. Matching IDs: ${matches
				.map((record) => String(record.id))
				.join(', ')}. Merge the duplicates in the CRM, or use Update with one of these IDs.`,
		},
	);
}
