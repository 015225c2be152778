import type { IExecuteFunctions } from 'n8n-workflow';

import type { CatalogResource } from '../catalog';
import type { Overrides } from './parameters';

// How Create or Update keys its items: the value it matches on, the key items share, and the
// records this run already created.

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
