import type { INodePropertyOptions } from 'n8n-workflow';

import type { CatalogEndpoint, CatalogResource } from '../TrutoCrm/catalog';
import { catalog, segmentOf } from '../TrutoCrm/catalog';

/** Truto's CRM resources by the path name events and URLs use (leads, engagement_types). */
const BY_PATH = new Map<string, CatalogResource>(
	catalog.map((resource) => [segmentOf(resource), resource]),
);

export const resourceOptions: INodePropertyOptions[] = [...BY_PATH]
	.map(([path, resource]) => ({ name: resource.displayName, value: path }))
	.sort((a, b) => a.name.localeCompare(b.name));

const squash = (name: string) => name.toLowerCase().replace(/[\s_-]/g, '');

// Every spelling an event might use for a resource — contacts, contact, engagement_types,
// engagementType, Engagement Type — to its path name.
const BY_SPELLING = new Map<string, string>(
	[...BY_PATH].flatMap(([path, resource]) => [
		[squash(path), path],
		[squash(resource.value), path],
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

/** How to read one record of the resource, when Truto's CRM API can. */
export const readEndpoint = (path: string): CatalogEndpoint | undefined =>
	BY_PATH.get(path)?.operations.get;
