import type { INodeProperties } from 'n8n-workflow';

import { eventsProperty, fetchFullRecordProperty, triggerOptions } from '../shared/trigger';
import { integratedAccountProperty } from '../TrutoCrm/descriptions/locators';
import { eventOptions } from './events';
import { resourceOptions } from './resources';

/** Minutes after its created_at that an event is still taken; 0 turns the check off. */
export const DEFAULT_REPLAY_WINDOW_MINUTES = 5;

export const properties: INodeProperties[] = [
	eventsProperty(eventOptions, 'The Truto events that start the workflow'),
	{
		displayName: 'Integrated Account',
		name: 'integratedAccountFilter',
		type: 'options',
		default: 'credential',
		options: [
			{
				name: "Credential's Integrated Account",
				value: 'credential',
				description: 'Only events of the default integrated account set in the credential',
			},
			{
				name: 'Specific Integrated Account',
				value: 'specific',
				description: 'Only events of the integrated account entered below',
			},
			{
				name: 'Any Integrated Account',
				value: 'any',
				description:
					'Events of every integrated account of the environment, for apps that serve many customers from one workflow',
			},
		],
		description:
			'Truto sends the events of every integrated account (every customer’s CRM connection) of the environment to each webhook; choose whose events start this workflow',
	},
	{
		// The Truto CRM node's picker: the accounts of the token's environment, or an ID.
		...integratedAccountProperty,
		required: true,
		modes: integratedAccountProperty.modes?.map((mode) =>
			mode.name === 'list' ? { ...mode, placeholder: 'Select an integrated account…' } : mode,
		),
		displayOptions: { show: { integratedAccountFilter: ['specific'] } },
		description: 'Only events of this integrated account start the workflow',
	},
	{
		displayName: 'Resources',
		name: 'resources',
		type: 'multiOptions',
		default: [],
		options: resourceOptions,
		description:
			'Only record events about these kinds of records, such as leads. Leave empty for all. Events about integrated accounts are not affected.',
	},
	fetchFullRecordProperty(
		'Whether to read the record from the CRM when a created or updated event carries only its ID, and put it under "record". If reading fails, the event still starts the workflow with the reason under "recordError".',
	),
	triggerOptions([
		{
			displayName: 'Replay Window (Minutes)',
			name: 'replayWindowMinutes',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_REPLAY_WINDOW_MINUTES,
			description:
				'Events created longer ago than this are taken for replays of old deliveries: they are answered and start nothing. 0 turns the check off. Raise it if events reach n8n late.',
		},
	]),
];
