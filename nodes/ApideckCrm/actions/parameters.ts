import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiPath } from '../../shared/core';
import { pairsValue, readId } from '../../shared/crm';
import type { CatalogEndpoint, CatalogResource } from '../catalog';
import { rulesOf } from '../rules';

/** The node parameter and the label of each path parameter of a resource's endpoints. */
function pathParameter(resource: CatalogResource, name: string) {
	if (name === 'id') return { parameter: 'id', label: `${resource.displayName} ID` };
	const parent = rulesOf(resource).parent;
	if (parent?.pathParam === name) {
		return { parameter: parent.parameter, label: `${parent.displayName} ID` };
	}
	return { parameter: name, label: name };
}

/** The endpoint's path with its parameters filled from the node parameters of this item. */
export function endpointPath(
	ctx: IExecuteFunctions,
	resource: CatalogResource,
	endpoint: CatalogEndpoint,
	itemIndex: number,
	known: Record<string, string> = {},
): string {
	const values: Record<string, string> = {};
	const labels: Record<string, string> = {};
	for (const name of endpoint.pathParams) {
		const { parameter, label } = pathParameter(resource, name);
		labels[name] = label;
		values[name] = known[name] ?? readId(ctx, parameter, itemIndex, label);
	}
	return apiPath(endpoint.path, values, { itemIndex, labels });
}

interface CallOptions extends IDataObject {
	consumerId?: string;
	serviceId?: string;
}

/** The "Options" collection of this item, with the per-call consumer and service overrides. */
export function readOptions(ctx: IExecuteFunctions, itemIndex: number) {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as CallOptions;
	return {
		options,
		overrides: {
			consumerId: String(options.consumerId ?? '').trim() || undefined,
			serviceId: String(options.serviceId ?? '').trim() || undefined,
			timeoutMs: Number(options.timeout) || undefined,
		},
	};
}

export { readId };

/** The per-call settings of the Options collection that every request of the item carries. */
export type Overrides = Partial<ReturnType<typeof readOptions>['overrides']>;

/** Query parameters of a read, limited to what the endpoint supports. */
export function readQuery(endpoint: CatalogEndpoint, options: IDataObject): IDataObject {
	const query: IDataObject = {};
	if (endpoint.query.includes('fields') && options.fields)
		query.fields = String(options.fields).replace(/\s+/g, '');
	if (endpoint.query.includes('raw') && options.raw === true) query.raw = true;
	if (endpoint.query.includes('pass_through')) {
		const passThrough = pairsValue(options.passThrough);
		if (Object.keys(passThrough).length) query.pass_through = passThrough;
	}
	return query;
}
