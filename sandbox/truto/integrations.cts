// What differs between the CRMs behind integrated accounts: record ids, the raw provider record
// (remote_data), error bodies, custom fields, the CRM's own required fields and extra list
// parameters. Truto forwards all of these; the sandbox imitates three CRMs closely enough for a
// client to meet each kind of difference.
import { own, type JsonObject } from '../http/types.cjs';

export type RemoteErrorKind = 'notFound' | 'validation' | 'rateLimit' | 'auth' | 'server';

export interface CustomFieldDef {
	/** The key in custom_fields (the CRM's API name). */
	name: string;
	label: string;
	type: 'string' | 'number' | 'boolean' | 'date' | 'enum';
	options?: string[];
	/** The value seeded records carry. */
	sample: unknown;
}

export interface Integration {
	/** Truto's slug, e.g. hubspot. */
	name: string;
	label: string;
	recordId(resource: string, n: number): string;
	/** Unified fields the CRM itself insists on when creating, per resource. */
	requiredOnCreate: Record<string, string[]>;
	/** Unified fields this CRM does not map: left out of its method metadata. */
	unmapped: Record<string, string[]>;
	customFields: Record<string, CustomFieldDef[]>;
	/** List parameters beyond the documented filters this CRM honours (named in the metadata). */
	listExtras: ('search_term' | 'sort_by')[];
	merge: boolean;
	/** Where a batch delete must carry the ids (besides the body), or false when unsupported. */
	batchDelete: false | 'body' | 'query';
	maxMergeDuplicates?: number;
	/** The CRM caps pages at this size whatever limit asks for. */
	maxPageSize: number;
	/** The record as the CRM itself returns it (remote_data). */
	raw(resource: string, record: JsonObject): JsonObject;
	rawError(kind: RemoteErrorKind, message: string): unknown;
}

const scalars = (record: JsonObject) =>
	Object.entries(record).filter(
		([key, v]) =>
			!['custom_fields', 'remote_data'].includes(key) &&
			(typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'),
	);
const customValues = (record: JsonObject): JsonObject =>
	(record.custom_fields as JsonObject | undefined) ?? {};
const pascal = (key: string) =>
	key.replace(/(^|_)([a-z])/g, (_m, _s, c: string) => c.toUpperCase());

const SALESFORCE_PREFIX: Record<string, [string, string]> = {
	accounts: ['001', 'Account'],
	contacts: ['003', 'Contact'],
	leads: ['00Q', 'Lead'],
	opportunities: ['006', 'Opportunity'],
	notes: ['002', 'Note'],
	users: ['005', 'User'],
	engagements: ['00U', 'Event'],
	tasks: ['00T', 'Task'],
};

const hubspot: Integration = {
	name: 'hubspot',
	label: 'HubSpot',
	recordId: (_resource, n) => String(5_100_000 + n),
	requiredOnCreate: {},
	unmapped: { leads: ['lead_type'], contacts: ['etag'] },
	customFields: {
		contacts: [
			{
				name: 'hs_persona',
				label: 'Persona',
				type: 'enum',
				options: ['persona_1', 'persona_2'],
				sample: 'persona_1',
			},
			{ name: 'lifecyclestage', label: 'Lifecycle Stage', type: 'string', sample: 'lead' },
		],
		leads: [{ name: 'hs_lead_status', label: 'Lead Status', type: 'string', sample: 'NEW' }],
		accounts: [
			{
				name: 'hs_ideal_customer_profile',
				label: 'Ideal Customer Profile Tier',
				type: 'string',
				sample: 'tier_1',
			},
		],
		opportunities: [
			{
				name: 'hs_forecast_category',
				label: 'Forecast Category',
				type: 'string',
				sample: 'PIPELINE',
			},
		],
	},
	listExtras: ['search_term', 'sort_by'],
	merge: true,
	batchDelete: 'body',
	maxPageSize: 100,
	raw: (_resource, record) => ({
		id: record.id,
		properties: {
			...Object.fromEntries(scalars(record).map(([k, v]) => [k.replace(/_/g, ''), v])),
			...customValues(record),
		},
		createdAt: record.created_at,
		updatedAt: record.updated_at,
		archived: false,
	}),
	rawError: (kind, message) => ({
		status: 'error',
		message,
		correlationId: '7d3e1a52-0000-4000-8000-00000000cafe',
		category: {
			notFound: 'OBJECT_NOT_FOUND',
			validation: 'VALIDATION_ERROR',
			rateLimit: 'RATE_LIMITS',
			auth: 'INVALID_AUTHENTICATION',
			server: 'INTERNAL_ERROR',
		}[kind],
	}),
};

const salesforce: Integration = {
	name: 'salesforce',
	label: 'Salesforce',
	recordId: (resource, n) =>
		`${SALESFORCE_PREFIX[resource]?.[0] ?? 'a0X'}Sb${String(n).padStart(10, '0')}AAA`,
	requiredOnCreate: {
		contacts: ['last_name'],
		leads: ['last_name'],
		opportunities: ['name', 'close_date'],
	},
	unmapped: { contacts: ['tags'], accounts: ['tags'] },
	customFields: {
		leads: [
			{ name: 'Lead_Score__c', label: 'Lead Score', type: 'number', sample: 42 },
			{
				name: 'Region__c',
				label: 'Region',
				type: 'enum',
				options: ['EMEA', 'AMER', 'APAC'],
				sample: 'EMEA',
			},
		],
		contacts: [
			{ name: 'Preferred_Channel__c', label: 'Preferred Channel', type: 'string', sample: 'email' },
		],
		accounts: [
			{ name: 'Tier__c', label: 'Customer Tier', type: 'string', sample: 'Gold' },
			{ name: 'Renewal_Date__c', label: 'Renewal Date', type: 'date', sample: '2025-06-30' },
		],
		opportunities: [
			{ name: 'Competitor__c', label: 'Main Competitor', type: 'string', sample: null },
		],
	},
	listExtras: ['search_term', 'sort_by'],
	merge: true,
	batchDelete: 'query',
	maxPageSize: 200,
	raw: (resource, record) => {
		const type = SALESFORCE_PREFIX[resource]?.[1] ?? pascal(resource);
		return {
			attributes: { type, url: `/services/data/v59.0/sobjects/${type}/${String(record.id)}` },
			Id: record.id,
			...Object.fromEntries(
				scalars(record)
					.filter(([k]) => !['id', 'created_at', 'updated_at'].includes(k))
					.map(([k, v]) => [pascal(k), v]),
			),
			...customValues(record),
			CreatedDate: record.created_at,
			LastModifiedDate: record.updated_at,
		};
	},
	rawError: (kind, message) => [
		{
			message,
			errorCode: {
				notFound: 'NOT_FOUND',
				validation: 'REQUIRED_FIELD_MISSING',
				rateLimit: 'REQUEST_LIMIT_EXCEEDED',
				auth: 'INVALID_SESSION_ID',
				server: 'UNKNOWN_EXCEPTION',
			}[kind],
			fields: [],
		},
	],
};

const pipedrive: Integration = {
	name: 'pipedrive',
	label: 'Pipedrive',
	recordId: (_resource, n) => String(n),
	requiredOnCreate: { contacts: ['name'], accounts: ['name'], opportunities: ['name'] },
	unmapped: { leads: ['lead_type', 'industry', 'number_of_employees'], accounts: ['industry'] },
	customFields: {
		contacts: [
			{
				name: '1d3f5b7a9c0e2f4a6b8d0c2e4f6a8b0c2d4e6f80',
				label: 'Birthday Club',
				type: 'boolean',
				sample: true,
			},
		],
		leads: [
			{
				name: '9f2c1b7e0a4d4c2e8b1f3a5d7c9e0b2a4c6e8f01',
				label: 'Budget',
				type: 'number',
				sample: 5000,
			},
		],
		accounts: [
			{
				name: '5e7a9c1b3d5f7e9a1c3b5d7f9e1a3c5b7d9f1e30',
				label: 'Segment',
				type: 'string',
				sample: 'SMB',
			},
		],
		opportunities: [
			{
				name: '7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b50',
				label: 'Deal Source',
				type: 'string',
				sample: 'Referral',
			},
		],
	},
	listExtras: ['search_term'],
	merge: true,
	batchDelete: false,
	maxPageSize: 100,
	raw: (_resource, record) => ({
		id: Number(record.id),
		...Object.fromEntries(
			scalars(record).filter(([k]) => !['id', 'created_at', 'updated_at'].includes(k)),
		),
		...customValues(record),
		add_time: record.created_at,
		update_time: record.updated_at,
	}),
	rawError: (kind, message) => ({
		success: false,
		error: message,
		errorCode: { notFound: 404, validation: 400, rateLimit: 429, auth: 401, server: 500 }[kind],
		error_info: 'Please check the Pipedrive API documentation',
	}),
};

/** Any other CRM: plain ids, the record as it is, a generic error body. */
function generic(name: string): Integration {
	return {
		name,
		label: name.charAt(0).toUpperCase() + name.slice(1),
		recordId: (resource, n) => `${resource.slice(0, 3)}_${n}`,
		requiredOnCreate: {},
		unmapped: {},
		customFields: {},
		listExtras: [],
		merge: name === 'zohocrm' || name === 'dynamics365',
		batchDelete: false,
		maxMergeDuplicates: name === 'zohocrm' ? 2 : undefined,
		maxPageSize: 100,
		raw: (_resource, record) => Object.fromEntries(scalars(record)),
		rawError: (kind, message) => ({ error: { kind, message } }),
	};
}

const KNOWN: Record<string, Integration> = { hubspot, salesforce, pipedrive };

export function integrationFor(name: string): Integration {
	return own(KNOWN, name) ?? generic(name);
}
