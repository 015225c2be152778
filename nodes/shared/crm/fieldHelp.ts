/**
 * Help text for fields that mean the same in every backend's catalog, keyed by field name. Each
 * node adds its own (catalog/fieldHelp.ts) and per-resource wording (rules.ts).
 */
const common: Record<string, string> = {
	name: 'Full name as shown in the CRM',
	first_name: 'Given name of the person',
	last_name: 'Family name of the person',
	title: 'Job title of the person',
	description: 'Free text about the record',
	status: 'Status as named in the CRM, for example open or qualified',
	tags: 'Labels to attach to the record',
	industry: 'Industry the company works in',
	email: 'Email address',
	city: 'City or town',
	state: 'State, province or region',
	postal_code: 'Postal or ZIP code',
	country: 'Country as an ISO 3166-1 alpha-2 code such as US',
	number: 'The phone number itself',
	extension: 'Extension to dial after the number',
	currency: 'Currency as an ISO 4217 code',
	lead_source: 'Where the lead came from, such as a campaign or website',
	custom_fields: 'Values for fields your CRM adds on top of the standard ones',
	phone_numbers: 'Phone numbers',
	addresses: 'Postal addresses',
	url: 'Full web address, starting with https://',
};

/**
 * A node's help text lookup: `nested` (keyed by `<group>.<field>`, then by field alone) for the
 * fields of a group, then the node's `own` text, then the common text; empty when none has any.
 */
export function helpTextFrom(
	own: Readonly<Record<string, string>>,
	nested: Readonly<Record<string, string>>,
): (fieldName: string, parent?: string) => string {
	return (fieldName, parent) =>
		(parent !== undefined ? (nested[`${parent}.${fieldName}`] ?? nested[fieldName]) : undefined) ??
		own[fieldName] ??
		common[fieldName] ??
		'';
}
