import type { INodePropertyOptions } from 'n8n-workflow';

/** Truto's unified CRM resources by the name their paths use (/unified/crm/<name>). */
const RESOURCES: Array<[path: string, label: string]> = [
	['accounts', 'Account'],
	['associations', 'Association'],
	['contacts', 'Contact'],
	['engagements', 'Engagement'],
	['engagement_types', 'Engagement Type'],
	['fields', 'Field'],
	['field_groups', 'Field Group'],
	['leads', 'Lead'],
	['notes', 'Note'],
	['opportunities', 'Opportunity'],
	['pipelines', 'Pipeline'],
	['projects', 'Project'],
	['stages', 'Stage'],
	['tasks', 'Task'],
	['users', 'User'],
	['views', 'View'],
	['workspaces', 'Workspace'],
];

export const resourceOptions: INodePropertyOptions[] = RESOURCES.map(([value, name]) => ({
	name,
	value,
}));

const singular = (path: string) =>
	path.endsWith('ies') ? `${path.slice(0, -3)}y` : path.slice(0, -1);
const squash = (name: string) => name.toLowerCase().replace(/[\s_-]/g, '');

// Every spelling an event might use for a resource: contacts, contact, engagement_types,
// engagementType, Engagement Type, … → the path name.
const BY_SPELLING = new Map<string, string>(
	RESOURCES.flatMap(([path]) => [
		[squash(path), path],
		[squash(singular(path)), path],
	]),
);

/**
 * The path name of the resource an event names, or undefined when it names none Truto's CRM
 * API has. The record event payload is not documented, so singular, plural, snake_case and
 * camelCase spellings are all read, and a "crm/" or "/unified/crm/" prefix is ignored.
 */
export function resourcePath(name: unknown): string | undefined {
	if (typeof name !== 'string') return undefined;
	const last = name.trim().split('/').pop() ?? '';
	return BY_SPELLING.get(squash(last));
}

// Resources Truto's CRM API has no "get one" method for.
const NO_GET = new Set(['associations', 'stages', 'views', 'workspaces']);

/** True when Truto can read one record of the resource by its ID. */
export const readableResource = (path: string) => !NO_GET.has(path);
