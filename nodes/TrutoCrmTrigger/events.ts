import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The event types offered: Truto's record events (changes in the connected CRMs) and its
 * integrated-account events (a customer connected, lost or removed a CRM). Truto's sync-job
 * and batch-job events are about its own jobs, not the CRM, and are not offered.
 */
export const eventOptions: INodePropertyOptions[] = [
	{
		name: 'Record Created',
		value: 'record:created',
		description: 'A record was created in a connected CRM',
	},
	{
		name: 'Record Updated',
		value: 'record:updated',
		description: 'A record was changed in a connected CRM',
	},
	{
		name: 'Record Deleted',
		value: 'record:deleted',
		description: 'A record was deleted in a connected CRM',
	},
	{
		name: 'Integrated Account Created',
		value: 'integrated_account:created',
		description: 'A customer connected a CRM',
	},
	{
		name: 'Integrated Account Active',
		value: 'integrated_account:active',
		description: 'A connection finished its setup and can be used',
	},
	{
		name: 'Integrated Account Updated',
		value: 'integrated_account:updated',
		description: 'A connection’s settings changed',
	},
	{
		name: 'Integrated Account Reactivated',
		value: 'integrated_account:reactivated',
		description: 'A connection that had failed works again',
	},
	{
		name: 'Integrated Account Authentication Error',
		value: 'integrated_account:authentication_error',
		description: 'The CRM refused the connection’s credentials: the customer must reconnect it',
	},
	{
		name: 'Integrated Account Post-Install Error',
		value: 'integrated_account:post_install_error',
		description: 'Truto’s setup steps after connecting failed',
	},
	{
		name: 'Integrated Account Validation Error',
		value: 'integrated_account:validation_error',
		description: 'Truto’s check of a new connection failed',
	},
	{
		name: 'Integrated Account Post-Connect Form Submitted',
		value: 'integrated_account:post_connect_form_submitted',
		description: 'The customer filled in the form shown after connecting',
	},
	{
		name: 'Integrated Account Deleted',
		value: 'integrated_account:deleted',
		description: 'A connection was removed',
	},
];

/** The selection as it is sent to Truto and compared with a webhook's: sorted, without repeats. */
export function normaliseEvents(selected: readonly string[]): string[] {
	return [...new Set(selected.map((event) => String(event).trim()).filter(Boolean))].sort();
}

export const isRecordEvent = (eventType: string | undefined) =>
	eventType?.startsWith('record:') === true;

export const isAccountEvent = (eventType: string | undefined) =>
	eventType?.startsWith('integrated_account:') === true;
