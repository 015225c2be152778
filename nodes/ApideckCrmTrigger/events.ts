import type { INodePropertyOptions } from 'n8n-workflow';

export const ENTITIES = ['activity', 'company', 'contact', 'lead', 'note', 'opportunity'] as const;
export type Entity = (typeof ENTITIES)[number];

const ACTIONS = ['created', 'updated', 'deleted'] as const;
type Action = (typeof ACTIONS)[number];

const ALL_EVENTS = '*';

/** The 18 CRM event types Apideck can deliver, e.g. crm.lead.created. */
export const CRM_EVENT_TYPES: readonly string[] = ENTITIES.flatMap((entity) =>
	ACTIONS.map((action) => `crm.${entity}.${action}`),
);

const ENTITY_LABELS: Record<Entity, string> = {
	activity: 'Activity',
	company: 'Company',
	contact: 'Contact',
	lead: 'Lead',
	note: 'Note',
	opportunity: 'Opportunity',
};

const ACTION_LABELS: Record<Action, string> = {
	created: 'Created',
	updated: 'Updated',
	deleted: 'Deleted',
};

export const eventOptions: INodePropertyOptions[] = [
	{
		name: 'All Events',
		value: ALL_EVENTS,
		description: 'Every CRM event, including types Apideck adds later',
	},
	...ENTITIES.flatMap((entity) =>
		ACTIONS.map((action) => ({
			name: `${ENTITY_LABELS[entity]} ${ACTION_LABELS[action]}`,
			value: `crm.${entity}.${action}`,
		})),
	),
];

/** The selection as Apideck stores it: sorted, without repeats, and just '*' when '*' is in it. */
export function normaliseEvents(selected: readonly string[]): string[] {
	if (selected.includes(ALL_EVENTS)) return [ALL_EVENTS];
	return [...new Set(selected)].sort();
}

export function isSelected(eventType: string, selected: readonly string[]): boolean {
	return selected.includes(ALL_EVENTS) || selected.includes(eventType);
}

/** Entity and action of a crm.<entity>.<action> event type; undefined for anything else. */
export function parseEventType(eventType: string): { entity: Entity; action: Action } | undefined {
	const [api, entity, action, ...rest] = eventType.split('.');
	if (api !== 'crm' || rest.length) return undefined;
	if (
		!(ENTITIES as readonly string[]).includes(entity) ||
		!(ACTIONS as readonly string[]).includes(action)
	) {
		return undefined;
	}
	return { entity: entity as Entity, action: action as Action };
}
