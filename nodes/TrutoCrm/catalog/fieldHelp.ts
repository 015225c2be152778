import { helpTextFrom } from '../../shared/crm';

/**
 * Hand-written help text for Truto's catalog fields, keyed by field name, on top of the help
 * both nodes share (shared/crm/fieldHelp.ts). A resource's `helpText` in ../rules.ts wins.
 */
const own: Record<string, string> = {
	// links to other records, sent as { id }
	owner: 'The CRM user who owns the record',
	account: 'The related account (company)',
	contact: 'The related contacts',
	lead: 'The related leads',
	opportunity: 'The related opportunities',
	stage: 'The pipeline stage',
	project: 'The related project',
	notes: 'Notes linked to the record',
	field_group: 'The group the field belongs to',
	converted_account: 'The account the lead was converted to',
	converted_contact: 'The contact the lead was converted to',
	pipeline: 'Only records of this pipeline',

	// people and organisations
	website: 'Website address',
	number_of_employees: 'Head count',
	email_addresses: 'Email addresses; each needs a type such as work or primary',
	urls: 'Web addresses',
	lead_type: 'Kind of lead, as named in the CRM',
	is_active: 'Whether the user can sign in',

	// activities and tasks
	subject: 'Subject line',
	content: 'Body text',
	direction: 'Inbound or outbound',
	engagement_type: 'Kind of engagement, such as call, email or meeting',
	internal_notes: 'Notes only your team sees',
	start_time: 'When it starts',
	end_time: 'When it ends',
	duration: 'How long it lasts, in the unit the CRM uses',
	due_date: 'When the task is due',
	completed_at: 'When the task was done',
	visibility: 'Who can see it: public or private',

	// deals and pipelines
	amount: 'Value of the deal',
	close_date: 'Day the deal is expected to close',
	stages: 'Stages of the pipeline, in order',
	entity: 'The kind of record it applies to, such as contact, account or opportunity',
	entity_type: 'The kind of record it applies to, such as contact, account or opportunity',

	// fields and groups
	label: 'Name shown in the CRM',
	is_required: 'Whether a value must be given',
	is_unique: 'Whether values must be unique',
	is_hidden: 'Whether the field is hidden in the CRM',
	default_value: 'Value used when none is given',

	// associations
	entity_id: 'ID of the record to link others to',
	associations: 'The records to link to it',

	// Truto
	custom_fields: 'Values for the CRM’s own fields, by field name (see Field → Get Many)',
	remote_data:
		'Extra data for the CRM that Truto’s unified fields do not cover, as JSON: Truto hands it to the CRM unchanged',
	created_at: 'When the record was created',
	updated_at: 'When the record was last changed',
	converted_at: 'When the lead was converted',
	organization: 'Organization to match (one CRM only)',
	include_custom_fields: 'Whether the CRM should include custom fields (one CRM only)',
	position: 'Position in the pipeline',
};

/** Sub-fields of groups, keyed by `<group>.<field>`, then by field alone. */
const nested: Record<string, string> = {
	'email_addresses.type': 'Kind of address, such as work, personal or primary',
	'phone_numbers.type': 'Kind of number, such as work, mobile or fax',
	'phone_numbers.is_primary': 'Whether this is the main number (true or false)',
	'addresses.type': 'Kind of address, such as billing or shipping',
	'urls.type': 'Kind of web address, such as website or linkedin',
	'stages.id': 'ID of an existing stage, to change it',
	'stages.name': 'Name of the stage',
	'stages.status': 'active or inactive',
	street_1: 'First line of the street address',
	street_2: 'Second line of the street address',
	id: 'ID of this entry in the CRM',
	accounts: 'IDs of accounts to link',
	contacts: 'IDs of contacts to link',
	leads: 'IDs of leads to link',
	opportunities: 'IDs of opportunities to link',
};

/** Help text for a field (inside the group `parent`); empty when we have nothing useful to add. */
export const fieldHelp = helpTextFrom(own, nested);
