const WORD_OVERRIDES: Record<string, string> = {
	id: 'ID',
	ids: 'IDs',
	url: 'URL',
	vat: 'VAT',
	abn: 'ABN',
	acn: 'ACN',
	tfn: 'TFN',
	bsb: 'BSB',
	bic: 'BIC',
	iban: 'IBAN',
};

const NAME_OVERRIDES: Record<string, string> = {
	abn_or_tfn: 'ABN or TFN',
	line1: 'Address Line 1',
	line2: 'Address Line 2',
	line3: 'Address Line 3',
	line4: 'Address Line 4',
	line5: 'Address Line 5',
	string: 'Full Address',
	activity_datetime: 'Activity Date and Time',
	start_datetime: 'Start Date and Time',
	end_datetime: 'End Date and Time',
	reminder_datetime: 'Reminder Date and Time',
	read_only: 'Read Only',
	is_organizer: 'Organizer',
	row_type: 'Record Type',
	extend_object: 'Extend Object',
	extend_paths: 'Extend Paths',
	// date range operators of a filter
	gt: 'After',
	gte: 'On or After',
	lt: 'Before',
	lte: 'On or Before',
};

/** `first_name` → "First Name", `owner_id` → "Owner ID". */
export function displayNameOf(fieldName: string): string {
	const override = NAME_OVERRIDES[fieldName];
	if (override) return override;
	return fieldName
		.split('_')
		.filter((word) => word.length > 0)
		.map((word) => WORD_OVERRIDES[word] ?? word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}

/** `send-letter` → "Send Letter", `USD` stays "USD". */
export function optionNameOf(value: string): string {
	if (value === value.toUpperCase()) return value;
	return value
		.split(/[-_ ]/)
		.filter((word) => word.length > 0)
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}

/** "Phone Numbers" → "Phone Number", "Addresses" → "Address"; other words stay as they are. */
export function singularOf(name: string): string {
	if (/sses$/.test(name)) return name.slice(0, -2);
	if (/ies$/.test(name)) return `${name.slice(0, -3)}y`;
	if (/[^s]s$/.test(name)) return name.slice(0, -1);
	return name;
}

/** "activity" → "activities", "lead" → "leads". */
export function pluralOf(noun: string): string {
	if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
	return `${noun}s`;
}

/** "an activity", "a user". */
export const article = (noun: string) =>
	/^(?:[aeio]|u(?!s))/i.test(noun) ? `an ${noun}` : `a ${noun}`;

/** "Custom Object" → "custom object". */
export const lowerName = (resource: { displayName: string }) => resource.displayName.toLowerCase();
