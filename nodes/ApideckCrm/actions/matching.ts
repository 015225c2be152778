import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { CatalogResource } from '../catalog';
import type { Overrides } from './parameters';

// How Create or Update finds its record: the value it matches on, the records that have it, and
// the records this run already created.

const same = (a: unknown, b: string) =>
	typeof a === 'string' && a.trim().toLowerCase() === b.toLowerCase();

export function isMatch(record: IDataObject, matchOn: 'email' | 'name', value: string): boolean {
	if (matchOn === 'name') return same(record.name, value);
	const emails = Array.isArray(record.emails) ? (record.emails as IDataObject[]) : [];
	return emails.some((entry) => same(entry?.email, value));
}

/** A new record must carry the email it was matched on; keep any other emails given. */
export function withMatchEmail(body: IDataObject, email: string): IDataObject {
	const given = Array.isArray(body.emails) ? (body.emails as IDataObject[]) : [];
	if (given.some((entry) => same(entry.email, email))) return body;
	return { ...body, emails: [{ email, type: 'primary' }, ...given] };
}

export const matchValue = (ctx: IExecuteFunctions, matchOn: string, itemIndex: number) =>
	String(ctx.getNodeParameter(matchOn, itemIndex, '') ?? '').trim();

/** Items with this key would find the same record: same resource, consumer, service and value. */
export const matchKey = (resource: CatalogResource, value: string, overrides: Overrides) =>
	JSON.stringify([
		resource.value,
		overrides.consumerId ?? '',
		overrides.serviceId ?? '',
		value.toLowerCase(),
	]);

// The records each run created, by match key: a CRM whose search shows a new record only after
// a while must not make a later item of the same run create it again.
const createdByRun = new WeakMap<object, Map<string, string>>();

/** The ID this run created for a match key, if it did. */
export const createdEarlier = (ctx: IExecuteFunctions, key: string): string | undefined =>
	createdByRun.get(ctx)?.get(key);

export function rememberCreated(ctx: IExecuteFunctions, key: string, id: string): void {
	const created = createdByRun.get(ctx) ?? new Map<string, string>();
	created.set(key, id);
	createdByRun.set(ctx, created);
}
