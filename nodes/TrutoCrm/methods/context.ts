import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { isResourceLocatorValue } from 'n8n-workflow';

import type { CatalogResource, ResourceValue } from '../catalog';
import { resources } from '../catalog';

/** The integrated account the node is set to, for a dropdown; empty means the credential's. */
export function currentAccount(ctx: ILoadOptionsFunctions): string | undefined {
	const raw = ctx.getCurrentNodeParameter('integratedAccount') as unknown;
	const value = isResourceLocatorValue(raw)
		? ctx.getCurrentNodeParameter('integratedAccount', { extractValue: true })
		: raw;
	const text = typeof value === 'string' ? value.trim() : '';
	// An expression the editor could not resolve yet is no usable ID.
	return text && !text.startsWith('=') ? text : undefined;
}

/** The resource the node is set to. */
export function currentResource(ctx: ILoadOptionsFunctions): CatalogResource | undefined {
	const value = ctx.getCurrentNodeParameter('resource') as ResourceValue;
	return Object.prototype.hasOwnProperty.call(resources, value) ? resources[value] : undefined;
}
