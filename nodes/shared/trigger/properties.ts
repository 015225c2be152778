import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

// The parameters both triggers have, each in its own words.

/** Events: the changes that start the workflow, the ones the subscription asks for (hookTarget). */
export const eventsProperty = (
	options: INodePropertyOptions[],
	description: string,
): INodeProperties => ({
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	required: true,
	default: [],
	options,
	description,
});

/** Fetch Full Record: read the record an event is about and add it under "record". */
export const fetchFullRecordProperty = (description: string): INodeProperties => ({
	displayName: 'Fetch Full Record',
	name: 'fetchFullRecord',
	type: 'boolean',
	default: true,
	description,
});

/** The trigger's Options collection. */
export const triggerOptions = (options: INodeProperties[]): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options,
});
