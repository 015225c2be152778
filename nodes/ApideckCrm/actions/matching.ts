import type { IExecuteFunctions } from 'n8n-workflow';

import type { CatalogResource } from '../catalog';
import type { Overrides } from './parameters';

// How Create or Update keys its items: the value it matches on and the key items share.

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
