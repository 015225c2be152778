import { helpTextFrom } from '../../shared/crm';

/**
 * Hand-written help text for Apideck's catalog fields, keyed by field name, on top of the help
 * both nodes share (shared/crm/fieldHelp.ts). The same name means the same thing across
 * resources unless a resource's `helpText` in ../rules.ts says otherwise.
 */
const own: Record<string, string> = {
	// people and organisations
	middle_name: 'Middle name of the person',
	prefix: 'Name prefix, such as Mr or Dr',
	suffix: 'Name suffix, such as Jr or PhD',
	salutation: 'How to address the person in a letter, such as Ms',
	department: 'Department the person works in',
	division: 'Division the person belongs to',
	language: 'Preferred language, as an ISO 639-1 code such as en',
	gender: 'Gender recorded in the CRM',
	birthday: 'Date of birth',
	image: 'Link to a picture of the record',
	photo_url: 'Link to a photo of the person',
	active: 'Whether the record is active',
	archived: 'Whether the record is archived',
	deleted: 'Whether the record is marked as deleted',
	fax: 'Fax number',

	// links to other records
	owner_id: 'ID of the CRM user who owns the record',
	owner_name: 'Name of the CRM user who owns the record',
	company_id: 'ID of the related company',
	company_name: 'Name of the related company',
	contact_id: 'ID of the related contact',
	contact_ids: 'IDs of the related contacts',
	primary_contact_id: 'ID of the main contact for this record',
	lead_id: 'ID of the related lead',
	opportunity_id: 'ID of the related opportunity',
	opportunity_ids: 'IDs of the related opportunities',
	activity_id: 'ID of the related activity',
	user_id: 'ID of the related CRM user',
	account_id: 'ID of the related account',
	campaign_id: 'ID of the related campaign',
	case_id: 'ID of the related case',
	asset_id: 'ID of the related asset',
	contract_id: 'ID of the related contract',
	product_id: 'ID of the related product',
	solution_id: 'ID of the related solution',
	custom_object_id: 'ID of the related custom object record',
	parent_id: 'ID of the parent record',
	pipeline_id: 'ID of the sales pipeline',
	pipeline_stage_id: 'ID of the stage within the pipeline',
	source_id: 'ID of the source the record came from',
	status_id: 'ID of the status in the CRM',

	// money
	monetary_amount: 'Value of the deal in the chosen currency',
	current_balance: 'Amount currently owed',
	annual_revenue: 'Yearly revenue, as text',
	win_probability: 'Chance of winning, in percent',

	// company facts
	vat_number: 'VAT registration number',
	number_of_employees: 'Head count or a range such as 50-100',
	ownership: 'Ownership type, such as public or private',
	sales_tax_number: 'Sales tax registration number',
	payee_number: 'Payee number used for payments',
	abn_or_tfn: 'Australian Business Number or Tax File Number',
	abn_branch: 'Branch number of the Australian Business Number',
	acn: 'Australian Company Number',
	read_only: 'Whether the CRM should treat the company as read-only',
	row_type: 'Record type of the company in the CRM',

	// repeatable contact details
	emails: 'Email addresses',
	email_domain: 'Email domain of the contact, such as example.com',
	phone_number: 'Phone number',
	country_code: 'International dialling code without the plus sign',
	area_code: 'Area code of the phone number',
	websites: 'Websites',
	website: 'Website address',
	social_links: 'Social media profiles',
	string: 'The whole address written on one line',
	line1: 'First line of the street address',
	line2: 'Second line of the street address',
	line3: 'Third line of the street address',
	line4: 'Fourth line of the street address',
	line5: 'Fifth line of the street address',
	street_number: 'House or building number',
	county: 'County or district',
	latitude: 'Latitude of the address',
	longitude: 'Longitude of the address',
	contact_name: 'Person to contact at this address',
	notes: 'Notes about the address, such as delivery instructions',
	row_version: 'Version of the address, used by some CRMs to detect conflicting edits',
	bank_accounts: 'Bank accounts of the company',
	bank_name: 'Name of the bank',
	account_number: 'Bank account number',
	account_name: 'Name on the bank account',
	account_type: 'Kind of bank account',
	iban: 'International Bank Account Number',
	bic: 'Bank Identifier Code (SWIFT)',
	routing_number: 'Routing number of the bank (US)',
	bsb_number: 'Bank State Branch number (Australia)',
	branch_identifier: 'Identifier of the bank branch',
	bank_code: 'National code of the bank',

	// activities
	activity_datetime: 'When the activity takes place',
	activity_date: 'Day the activity takes place',
	start_datetime: 'When the activity starts',
	end_datetime: 'When the activity ends',
	end_date: 'Day the activity ends',
	duration_seconds: 'How long the activity lasts, in seconds',
	all_day_event: 'Whether the activity lasts the whole day',
	private: 'Whether only the owner can see the activity',
	group_event: 'Whether several people take part',
	group_event_type: 'Kind of group event, as named in the CRM',
	event_sub_type: 'Finer kind of event, as named in the CRM',
	child: 'Whether the activity is part of a series',
	show_as: 'How the time shows in calendars',
	done: 'Whether the activity is completed',
	recurrent: 'Whether the activity repeats',
	reminder_datetime: 'When to send a reminder',
	reminder_set: 'Whether a reminder is set',
	location: 'Where the activity takes place',
	location_address: 'Structured address of the location',
	video_conference_url: 'Link to join the video call',
	video_conference_id: 'Meeting ID of the video call',
	note: 'Short note attached to the activity',
	attendees: 'People taking part in the activity',
	email_address: 'Email address of the attendee',
	is_organizer: 'Whether this attendee organises the activity',

	// opportunities
	close_date: 'Day the deal is expected to close',
	loss_reason: 'Why the deal was lost',
	loss_reason_id: 'ID of the reason the deal was lost',
	won_reason: 'Why the deal was won',
	won_reason_id: 'ID of the reason the deal was won',
	priority: 'Priority of the deal, as named in the CRM',
	stage_last_changed_at: 'When the deal last moved to another stage',

	// notes
	content: 'Body of the note',

	// pipelines
	stages: 'Stages a deal moves through, in order',
	display_order: 'Position in lists, lowest first',
	win_probability_enabled: 'Whether stages carry a chance of winning',

	// users
	username: 'Login name of the user',
	employee_number: 'Employee number in your organisation',
	password: 'Password for the new user. It is sent to the CRM and never shown in the output.',

	// custom objects and schemas
	fields: 'Fields of the record',
	visible: 'Whether the object shows in the CRM interface',
	default_value: 'Value used when none is given',
	options: 'Choices offered by a select field',
	label: 'Text shown for the choice',
	required: 'Whether a value must be given',

	// pass-through
	pass_through:
		'Extra data for one connector that the unified model does not cover, sent through unchanged',
	service_id: 'Connector the extra data is meant for, such as salesforce',
	operation_id: 'Connector operation the extra data applies to; empty means all',
	extend_object: 'JSON object merged into the request the connector sends',
	extend_paths: 'Values written at JSONPath locations of the connector request',
	path: 'JSONPath location, such as $.nested.property',

	// filters
	updated_since: 'Only records changed after this moment',
	created_since: 'Only records created after this moment',
};

/** Sub-fields of repeatable groups, keyed by `<group>.<field>`, then by field alone. */
const nested: Record<string, string> = {
	'addresses.name': 'Label of the address, such as Head Office',
	'location_address.name': 'Label of the place, such as Head Office',
	'stages.name': 'Name of the stage',
	'stages.value': 'Internal value of the stage',
	'custom_fields.value': 'Value to store in the custom field',
	'extend_paths.value': 'Value to write at that location',
	'options.value': 'Value stored when the choice is picked',
	'stages.win_probability': 'Chance of winning a deal in this stage, in percent',
	'fields.name': 'Name of the field',
	'fields.value': 'Value of the field',
	'fields.id': 'ID of the field',
	'fields.description': 'What the field holds',
	'custom_fields.id': 'ID of the custom field in the CRM',
	'custom_fields.name': 'Name of the custom field, used when the ID is not known',
	'custom_fields.description': 'Description of the custom field',
	'attendees.name': 'Full name of the attendee',
	'attendees.status': 'Whether the attendee accepted the invitation',
	'social_links.type': 'Network, such as twitter or linkedin',
	id: 'ID of this entry in the CRM, to change an existing entry',
	type: 'Kind of entry',
};

/** Help text for a field (inside the group `parent`); empty when we have nothing useful to add. */
export const fieldHelp = helpTextFrom(own, nested);
