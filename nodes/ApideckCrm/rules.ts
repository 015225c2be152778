import type { CommonRules } from '../shared/crm';
import { linksOf, upsertMatchFor } from '../shared/crm';
import type { CatalogField, CatalogResource, ResourceValue } from './catalog';

/**
 * Everything hand-written about one resource; the catalog (generated) holds the rest. Simplify
 * is offered only where `simple` is set (large records); `linkedBy` fields hold an ID.
 */
interface ResourceRules extends CommonRules {
	/** Records live under a record of another resource, chosen first with its own picker. */
	parent?: {
		resource: ResourceValue;
		/** The path parameter it fills and the node parameter that holds it. */
		pathParam: string;
		parameter: string;
		displayName: string;
		description: string;
		/** Completes "Choose … first" when a dropdown needs it. */
		noun: string;
	};
	/** A field whose entries come from a column mapper over the parent's schema, not from the catalog. */
	columns?: { field: string };
}

const RULES: Readonly<Record<ResourceValue, ResourceRules>> = {
	activity: {
		linkedBy: ['activity_id'],
		helpText: {
			type: 'Kind of activity',
			title: 'Subject of the activity',
			description: 'Details of the activity',
		},
		simple: [
			'id',
			'type',
			'title',
			'activity_datetime',
			'start_datetime',
			'end_datetime',
			'done',
			'owner_id',
			'contact_id',
			'company_id',
			'opportunity_id',
			'lead_id',
			'created_at',
			'updated_at',
		],
	},
	company: {
		linkedBy: ['company_id'],
		upsertMatch: 'name',
		helpText: {
			name: 'Name of the company',
			first_name: 'Given name of the main person at the company',
			last_name: 'Family name of the main person at the company',
			status: 'Status of the company, as named in the CRM',
		},
		simple: [
			'id',
			'name',
			'status',
			'industry',
			'owner_id',
			'emails',
			'phone_numbers',
			'websites',
			'addresses',
			'tags',
			'created_at',
			'updated_at',
		],
	},
	contact: {
		linkedBy: ['contact_id', 'primary_contact_id'],
		upsertMatch: 'email',
		helpText: {
			type: 'Kind of contact',
			description: 'Free text about the contact',
		},
		simple: [
			'id',
			'name',
			'first_name',
			'last_name',
			'title',
			'company_id',
			'company_name',
			'owner_id',
			'status',
			'emails',
			'phone_numbers',
			'created_at',
			'updated_at',
		],
	},
	customObject: {
		helpText: {
			name: 'Name of the record',
			fields: 'Field values of the record, by field name',
		},
		// Custom object records live under the schema that defines them:
		// /crm/custom-objects/{object_id}/…
		parent: {
			resource: 'customObjectSchema',
			pathParam: 'object_id',
			parameter: 'objectId',
			displayName: 'Object',
			description:
				'The custom object (its schema) the records belong to: pick it from the list, or give its ID',
			noun: 'the custom object',
		},
		columns: { field: 'fields' },
	},
	customObjectSchema: {
		helpText: {
			name: 'Name of the custom object',
			description: 'What the custom object holds',
			fields: 'Fields the custom object has',
			type: 'Data type of the field',
			active: 'Whether the custom object can be used',
		},
	},
	lead: {
		linkedBy: ['lead_id'],
		upsertMatch: 'email',
		helpText: {
			name: 'Full name of the lead',
			title: 'Job title of the lead',
		},
		simple: [
			'id',
			'name',
			'first_name',
			'last_name',
			'company_name',
			'status',
			'lead_source',
			'owner_id',
			'emails',
			'phone_numbers',
			'created_at',
			'updated_at',
		],
	},
	list: {},
	note: {
		helpText: { title: 'Heading of the note' },
	},
	opportunity: {
		linkedBy: ['opportunity_id'],
		helpText: {
			title: 'Name of the deal',
			type: 'Kind of deal, as named in the CRM',
			status: 'Status of the deal, such as open, won or lost',
		},
		simple: [
			'id',
			'title',
			'status',
			'monetary_amount',
			'currency',
			'close_date',
			'win_probability',
			'pipeline_id',
			'pipeline_stage_id',
			'company_id',
			'primary_contact_id',
			'owner_id',
			'created_at',
			'updated_at',
		],
	},
	pipeline: {
		linkedBy: ['pipeline_id'],
		helpText: {
			id: 'ID to give the pipeline; some CRMs let you choose it',
			name: 'Name of the pipeline',
		},
	},
	user: {
		linkedBy: ['owner_id', 'user_id'],
		helpText: {
			name: 'Full name of the user',
			title: 'Job title of the user',
			status: 'Account status of the user',
		},
	},
};

export const rulesOf = (resource: { value: ResourceValue }): ResourceRules => RULES[resource.value];

/** The resource whose records a linking field points at (owner_id → user), from `linkedBy`. */
export const LINKS = linksOf(RULES);

/** The field Create or Update matches on, where the resource has the endpoints it needs. */
export const upsertMatchOf = (resource: CatalogResource) =>
	upsertMatchFor(resource, rulesOf(resource));

/** Catalog fields offered as ordinary parameters: all but the one a column mapper fills. */
export function plainFields(resource: CatalogResource): readonly CatalogField[] {
	const columns = rulesOf(resource).columns;
	return columns
		? resource.fields.filter((field) => field.name !== columns.field)
		: resource.fields;
}
