import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiPath } from '../../shared/core';
import type { CatalogEndpoint, CatalogResource } from '../catalog/types';

/** Node parameter holding each path parameter of the catalog. */
const PATH_PARAMETERS: Record<string, { parameter: string; label: string }> = {
	id: { parameter: 'id', label: 'ID' },
	object_id: { parameter: 'objectId', label: 'Object ID' },
};

/** Reads an ID parameter, whether typed as a string or picked through a resource locator. */
export function readId(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const value =
		typeof raw === 'object' && raw !== null ? (raw as IDataObject).value : (raw as string | number);
	const id = String(value ?? '').trim();
	if (!id) {
		throw new NodeOperationError(ctx.getNode(), `${label} is empty (item ${itemIndex})`, {
			itemIndex,
			description: `Enter the ${label} of the record to use, or map it from an earlier node.`,
		});
	}
	return id;
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
	for (const name of endpoint.pathParams) {
		const spec = PATH_PARAMETERS[name] ?? { parameter: name, label: name };
		const label = name === 'id' ? `${resource.displayName} ID` : spec.label;
		values[name] = known[name] ?? readId(ctx, spec.parameter, itemIndex, label);
	}
	return apiPath(endpoint.path, values);
}

export interface CallOptions extends IDataObject {
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

/** Query parameters of a read, limited to what the endpoint supports. */
export function readQuery(endpoint: CatalogEndpoint, options: IDataObject): IDataObject {
	const query: IDataObject = {};
	if (endpoint.query.includes('fields') && options.fields)
		query.fields = String(options.fields).replace(/\s+/g, '');
	if (endpoint.query.includes('raw') && options.raw === true) query.raw = true;
	if (endpoint.query.includes('pass_through')) {
		const entries = ((options.passThrough as IDataObject | undefined)?.parameters ??
			[]) as IDataObject[];
		const passThrough: IDataObject = {};
		for (const entry of entries) {
			const name = String(entry.name ?? '').trim();
			if (name) passThrough[name] = entry.value as string;
		}
		if (Object.keys(passThrough).length) query.pass_through = passThrough;
	}
	return query;
}
