import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apideckRequest, apideckSettings } from '../../shared/apideck';
import { apiPath } from '../../shared/core';

/** CRM connections of the consumer that can take calls now (enabled and callable). */
export async function crmConnections(
	ctx: ILoadOptionsFunctions,
	consumerId: string | undefined,
): Promise<IDataObject[]> {
	const response = await apideckRequest<{ data?: IDataObject[] }>(ctx, {
		method: 'GET',
		path: '/vault/connections',
		query: { api: 'crm' },
		consumerId,
	});
	const connections = Array.isArray(response.data) ? response.data : [];
	return connections.filter(
		(c) => c.enabled !== false && (c.state === undefined || c.state === 'callable'),
	);
}

/**
 * The connector a call would reach: the node's Service ID option, else the credential's service,
 * else the consumer's first callable connection — the one Apideck picks when none is given.
 */
async function serviceInUse(
	ctx: ILoadOptionsFunctions,
	overrides: { consumerId?: string; serviceId?: string },
): Promise<string> {
	if (overrides.serviceId) return overrides.serviceId;
	const settings = await apideckSettings(ctx);
	if (settings.serviceId) return settings.serviceId;
	const [first] = await crmConnections(ctx, overrides.consumerId);
	if (!first?.service_id) {
		throw new NodeOperationError(ctx.getNode(), 'No CRM is connected for this consumer', {
			description:
				'Connect a CRM for this consumer in Apideck Vault, or set the Service ID in the credential or under Options.',
		});
	}
	return String(first.service_id);
}

/** Custom fields Vault knows for a unified resource (such as leads) of one connector. */
export async function customFieldDefinitions(
	ctx: ILoadOptionsFunctions,
	resourcePath: string,
	overrides: { consumerId?: string; serviceId?: string },
): Promise<IDataObject[]> {
	const serviceId = await serviceInUse(ctx, overrides);
	const response = await apideckRequest<{ data?: IDataObject[] }>(ctx, {
		method: 'GET',
		path: apiPath('/vault/connections/crm/{service}/{resource}/custom-fields', {
			service: serviceId,
			resource: resourcePath,
		}),
		consumerId: overrides.consumerId,
	});
	return Array.isArray(response.data) ? response.data : [];
}
