import type { CommonRules } from '../shared/crm';
import { linksOf, upsertMatchFor } from '../shared/crm';
import type { CatalogResource, ResourceValue } from './catalog';

/**
 * Everything hand-written about one resource; the catalog (generated) holds the rest. Simplify
 * (`simple`) always drops remote_data, the CRM's raw record; `linkedBy` fields are { id } links.
 */
interface ResourceRules extends CommonRules {
	/** The `entity` Truto's fields resource names this resource's fields by (custom fields). */
	fieldEntity?: string;
}

const DATES = ['created_at', 'updated_at'];

const RULES: Readonly<Record<ResourceValue, ResourceRules>> = {
	account: {
		linkedBy: ['account', 'converted_account'],
		upsertMatch: 'name',
		fieldEntity: 'account',
		helpText: { name: 'Name of the company', description: 'Free text about the company' },
		simple: [
			'id',
			'name',
			'owner',
			'industry',
			'website',
			'number_of_employees',
			'phone_numbers',
			'addresses',
			'custom_fields',
			...DATES,
		],
	},
	association: {
		helpText: {
			entity: 'Kind of the record to link others to: accounts, contacts, leads or opportunities',
		},
	},
	contact: {
		linkedBy: ['contact', 'converted_contact'],
		upsertMatch: 'email',
		fieldEntity: 'contact',
		simple: [
			'id',
			'name',
			'first_name',
			'last_name',
			'title',
			'account',
			'owner',
			'email_addresses',
			'phone_numbers',
			'custom_fields',
			...DATES,
		],
	},
	engagement: {
		simple: [
			'id',
			'engagement_type',
			'subject',
			'direction',
			'status',
			'start_time',
			'end_time',
			'owner',
			'account',
			'contact',
			'opportunity',
			...DATES,
		],
	},
	engagementType: { simple: ['id', 'name', 'type', ...DATES] },
	field: {
		simple: ['id', 'name', 'label', 'entity', 'type', 'is_required', 'field_group', ...DATES],
		helpText: {
			name: 'API name of the field, the key in custom_fields',
			type: 'Data type of the field, as named in the CRM',
			entity: 'Which records the field belongs to, such as contact or opportunity',
		},
	},
	fieldGroup: {
		linkedBy: ['field_group'],
		simple: ['id', 'name', 'label', 'entity_type', 'status', ...DATES],
	},
	lead: {
		linkedBy: ['lead'],
		upsertMatch: 'email',
		fieldEntity: 'lead',
		helpText: { name: 'Full name of the lead', title: 'Job title of the lead' },
		simple: [
			'id',
			'name',
			'first_name',
			'last_name',
			'title',
			'status',
			'lead_source',
			'owner',
			'email_addresses',
			'phone_numbers',
			'custom_fields',
			...DATES,
		],
	},
	note: {
		linkedBy: ['notes'],
		fieldEntity: 'note',
		helpText: { title: 'Heading of the note', content: 'Body of the note' },
		simple: [
			'id',
			'title',
			'content',
			'owner',
			'account',
			'contact',
			'opportunity',
			'lead',
			...DATES,
		],
	},
	opportunity: {
		linkedBy: ['opportunity'],
		fieldEntity: 'opportunity',
		helpText: { name: 'Name of the deal', status: 'Status of the deal, such as open, won or lost' },
		simple: [
			'id',
			'name',
			'amount',
			'currency',
			'status',
			'stage',
			'close_date',
			'owner',
			'account',
			'contact',
			'custom_fields',
			...DATES,
		],
	},
	pipeline: {
		linkedBy: ['pipeline'],
		helpText: { name: 'Name of the pipeline' },
		simple: ['id', 'name', 'entity', 'stages', ...DATES],
	},
	project: {
		linkedBy: ['project'],
		fieldEntity: 'project',
		simple: ['id', 'name', 'status', 'amount', 'currency', 'owner', 'account', 'stage', ...DATES],
	},
	stage: {
		linkedBy: ['stage'],
		helpText: { name: 'Name of the stage', status: 'active or inactive' },
		simple: ['id', 'name', 'position', 'pipeline', 'status', ...DATES],
	},
	task: {
		fieldEntity: 'task',
		helpText: {
			type: 'Kind of task (an ID the CRM gives task types)',
			status: 'open or completed',
		},
		simple: [
			'id',
			'subject',
			'status',
			'due_date',
			'completed_at',
			'owner',
			'account',
			'contact',
			'opportunity',
			'lead',
			...DATES,
		],
	},
	user: {
		linkedBy: ['owner'],
		helpText: { name: 'Full name of the user', email: 'Email address the user signs in with' },
		simple: ['id', 'name', 'email', 'is_active', ...DATES],
	},
	view: { simple: ['id', 'name', 'entity', ...DATES] },
	workspace: { simple: ['id', 'name', 'description', ...DATES] },
};

export const rulesOf = (resource: { value: ResourceValue }): ResourceRules => RULES[resource.value];

/** The resource a link field points at (owner → user), from `linkedBy`. */
export const LINKS = linksOf(RULES);

/** The field Create or Update matches on, where the resource has the endpoints it needs. */
export const upsertMatchOf = (resource: CatalogResource) =>
	upsertMatchFor(resource, rulesOf(resource));
