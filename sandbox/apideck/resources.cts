// What the sandbox knows about each CRM resource, taken from the *Filter / *Sort schemas and
// the readOnly / required markers of crm.yml.

export interface ResourceDef {
	/** Path segment and envelope `resource`. */
	name: string;
	/** Singular name used in messages and webhook event types (crm.<entity>.created). */
	entity: string;
	/** Fields the client cannot set; the sandbox ignores them on create/update. */
	readOnly: string[];
	/** Fields the sandbox fills: created_by / updated_by exist on this resource. */
	audit: boolean;
	required: string[];
	filters: string[];
	sorts: string[];
	/** false for lists and list members (read-only in the API; seed them with store.insert). */
	writable: boolean;
	/** true when Apideck emits crm.<entity>.* webhook events for it. */
	events: boolean;
}

const def = (d: Partial<ResourceDef> & Pick<ResourceDef, 'name' | 'entity'>): ResourceDef => ({
	readOnly: ['id', 'created_at', 'updated_at'],
	audit: false,
	required: [],
	filters: [],
	sorts: [],
	writable: true,
	events: false,
	...d,
});

const AUDIT = ['id', 'created_by', 'updated_by', 'created_at', 'updated_at'];

export const RESOURCES: Record<string, ResourceDef> = Object.fromEntries(
	[
		def({
			name: 'companies',
			entity: 'company',
			audit: true,
			readOnly: [...AUDIT, 'interaction_count', 'parent_id', 'last_activity_at', 'deleted'],
			required: ['name'],
			filters: ['name', 'updated_since', 'created_since'],
			sorts: ['created_at', 'updated_at', 'name'],
			events: true,
		}),
		def({
			name: 'contacts',
			entity: 'contact',
			readOnly: [
				'id',
				'created_at',
				'updated_at',
				'first_call_at',
				'first_email_at',
				'last_activity_at',
			],
			filters: [
				'name',
				'first_name',
				'last_name',
				'email',
				'phone_number',
				'company_id',
				'owner_id',
				'updated_since',
				'created_since',
			],
			sorts: ['created_at', 'updated_at', 'name', 'first_name', 'last_name', 'email'],
			events: true,
		}),
		def({
			name: 'opportunities',
			entity: 'opportunity',
			audit: true,
			readOnly: [
				...AUDIT,
				'expected_revenue',
				'interaction_count',
				'last_activity_at',
				'deleted',
				'date_stage_changed',
				'date_last_contacted',
				'date_lead_created',
			],
			required: ['title'],
			filters: [
				'title',
				'status',
				'monetary_amount',
				'win_probability',
				'company_id',
				'owner_id',
				'primary_contact_id',
			],
			sorts: ['created_at', 'updated_at', 'title', 'win_probability', 'monetary_amount', 'status'],
			events: true,
		}),
		def({
			name: 'leads',
			entity: 'lead',
			required: ['name'],
			filters: ['name', 'first_name', 'last_name', 'email', 'phone_number'],
			sorts: ['created_at', 'updated_at', 'name', 'first_name', 'last_name', 'email'],
			events: true,
		}),
		def({
			name: 'pipelines',
			entity: 'pipeline',
			readOnly: ['created_at', 'updated_at'],
			required: ['name'],
		}),
		def({ name: 'lists', entity: 'list', audit: true, readOnly: AUDIT, writable: false }),
		def({ name: 'list-members', entity: 'list member', readOnly: ['id'], writable: false }),
		def({
			name: 'notes',
			entity: 'note',
			audit: true,
			readOnly: AUDIT,
			filters: ['title', 'owner_id', 'updated_since', 'created_since'],
			events: true,
		}),
		def({ name: 'users', entity: 'user', required: ['emails'], filters: ['email', 'name'] }),
		def({
			name: 'activities',
			entity: 'activity',
			audit: true,
			readOnly: [...AUDIT, 'downstream_id', 'duration_minutes'],
			required: ['type'],
			filters: ['company_id', 'owner_id', 'contact_id', 'updated_since', 'type'],
			sorts: ['created_at', 'updated_at'],
			events: true,
		}),
		// The spec defines CustomObjectSchemasSort / CustomObjectsSort without wiring them to the
		// list operations; the sandbox accepts them.
		def({
			name: 'custom-object-schemas',
			entity: 'custom object schema',
			audit: true,
			readOnly: AUDIT,
			sorts: ['created_at', 'updated_at', 'name'],
		}),
		def({
			name: 'custom-objects',
			entity: 'custom object',
			audit: true,
			readOnly: [...AUDIT, 'owner_id'],
			sorts: ['created_at', 'updated_at', 'name'],
		}),
	].map((r) => [r.name, r]),
);

export type ResourceName = keyof typeof RESOURCES & string;

export const CRM_EVENT_TYPES = [
	'activity',
	'company',
	'contact',
	'lead',
	'note',
	'opportunity',
].flatMap((entity) => ['created', 'updated', 'deleted'].map((action) => `crm.${entity}.${action}`));

export function resourceForEntity(entity: string): ResourceDef | undefined {
	return Object.values(RESOURCES).find((r) => r.entity === entity);
}
