import { connectionNotFound, notFound } from './errors.cjs';
import type { CallContext, JsonObject, SandboxResponse } from './types.cjs';

const CONNECTORS: Record<string, { name: string; website: string; authType: string }> = {
	salesforce: { name: 'Salesforce', website: 'https://www.salesforce.com', authType: 'oauth2' },
	hubspot: { name: 'HubSpot', website: 'https://www.hubspot.com', authType: 'oauth2' },
	pipedrive: { name: 'Pipedrive', website: 'https://www.pipedrive.com', authType: 'apiKey' },
	'zoho-crm': { name: 'Zoho CRM', website: 'https://www.zoho.com/crm', authType: 'oauth2' },
	close: { name: 'Close', website: 'https://close.com', authType: 'apiKey' },
};

const CREATED_AT = Date.parse('2024-01-15T09:30:00.000Z');

export function connection(serviceId: string): JsonObject {
	const known = CONNECTORS[serviceId] ?? {
		name: serviceId.replace(
			/(^|-)(\w)/g,
			(_m, sep: string, c: string) => `${sep ? ' ' : ''}${c.toUpperCase()}`,
		),
		website: `https://${serviceId}.example.com`,
		authType: 'apiKey',
	};
	return {
		id: `crm+${serviceId}`,
		service_id: serviceId,
		name: known.name,
		tag_line: `${known.name} connected through the local sandbox`,
		unified_api: 'crm',
		state: 'callable',
		integration_state: 'configured',
		auth_type: known.authType,
		status: 'live',
		enabled: true,
		website: known.website,
		icon: `https://res.cloudinary.com/apideck/icons/${serviceId}`,
		logo: `https://res.cloudinary.com/apideck/logos/${serviceId}`,
		configurable_resources: ['companies', 'contacts', 'leads', 'opportunities'],
		health: 'ok',
		created_at: CREATED_AT,
		updated_at: CREATED_AT,
	};
}

type FieldDef = { id: string; name: string; value: unknown };

/** Each connector names its custom fields its own way, as real CRMs do. */
const CUSTOM_FIELDS: Record<string, Record<string, FieldDef[]>> = {
	salesforce: {
		leads: [
			{ id: 'Lead_Score__c', name: 'Lead Score', value: 42 },
			{ id: 'Region__c', name: 'Region', value: 'EMEA' },
		],
		contacts: [{ id: 'Preferred_Channel__c', name: 'Preferred Channel', value: 'email' }],
		companies: [
			{ id: 'Tier__c', name: 'Customer Tier', value: 'Gold' },
			{ id: 'Renewal_Date__c', name: 'Renewal Date', value: '2025-06-30' },
		],
		opportunities: [{ id: 'Competitor__c', name: 'Main Competitor', value: null }],
	},
	hubspot: {
		leads: [{ id: 'hs_lead_status', name: 'Lead Status', value: 'NEW' }],
		contacts: [
			{ id: 'hs_persona', name: 'Persona', value: 'persona_1' },
			{ id: 'lifecyclestage', name: 'Lifecycle Stage', value: 'lead' },
		],
		companies: [
			{ id: 'hs_ideal_customer_profile', name: 'Ideal Customer Profile Tier', value: 'tier_1' },
		],
		opportunities: [{ id: 'hs_forecast_category', name: 'Forecast Category', value: 'PIPELINE' }],
	},
	pipedrive: {
		leads: [{ id: '9f2c1b7e0a4d4c2e8b1f3a5d7c9e0b2a4c6e8f01', name: 'Budget', value: 5000 }],
		contacts: [
			{ id: '1d3f5b7a9c0e2f4a6b8d0c2e4f6a8b0c2d4e6f80', name: 'Birthday Club', value: true },
		],
		companies: [{ id: '5e7a9c1b3d5f7e9a1c3b5d7f9e1a3c5b7d9f1e30', name: 'Segment', value: 'SMB' }],
		opportunities: [
			{ id: '7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b50', name: 'Deal Source', value: 'Referral' },
		],
	},
};

export function customFieldsFor(serviceId: string, resource: string): JsonObject[] {
	const defs =
		CUSTOM_FIELDS[serviceId]?.[resource] ??
		(['leads', 'contacts', 'companies', 'opportunities'].includes(resource)
			? [{ id: `${serviceId}_${resource}_note`, name: 'Internal Note', value: '' }]
			: []);
	return defs.map((d) => ({ ...d, finder: `$.${d.id}` }));
}

/** GET /vault/connections and /vault/connections/{api}/{service}[/{resource}/custom-fields]. */
export function handleVault(
	segments: string[],
	query: JsonObject,
	consumerId: string,
	connections: string[],
): SandboxResponse | undefined {
	const ok = (data: unknown): SandboxResponse => ({
		status: 200,
		body: { status_code: 200, status: 'OK', data },
	});
	if (segments.length === 1 && segments[0] === 'connections') {
		const api = typeof query.api === 'string' ? query.api : undefined;
		return ok(api && api !== 'crm' ? [] : connections.map(connection));
	}
	if (segments[0] !== 'connections' || segments.length < 3) return undefined;
	const [, api, serviceId, resource, tail] = segments;
	const ctx: CallContext = { consumerId, serviceId };
	if (api !== 'crm' || !connections.includes(serviceId))
		return connectionNotFound(ctx.consumerId, serviceId);
	if (segments.length === 3) return ok(connection(serviceId));
	if (segments.length === 5 && tail === 'custom-fields')
		return ok(customFieldsFor(serviceId, resource));
	if (segments.length === 5) return notFound('vault route', segments.join('/'));
	return undefined;
}
