import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { apideckPage } from '../../shared/apideck';
import type { Page } from '../../shared/core';
import { apiPath } from '../../shared/core';
import type { CatalogResource } from '../catalog';
import { catalog } from '../catalog';
import { searchMethodName } from '../descriptions/locators';
import { rulesOf } from '../rules';
import { chosenFirst, dropdownOverrides } from './context';

const PAGE_SIZE = 50;

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

function firstEmail(record: IDataObject): string {
	const emails = Array.isArray(record.emails) ? (record.emails as IDataObject[]) : [];
	return text(emails[0]?.email);
}

/** What a person recognises a record by: its name, title or full name, else its ID. */
function labelOf(record: IDataObject): string {
	const fullName = [text(record.first_name), text(record.last_name)].filter(Boolean).join(' ');
	return text(record.name) || text(record.title) || fullName || text(record.id);
}

function toItem(record: IDataObject): INodeListSearchItems {
	const label = labelOf(record);
	const email = firstEmail(record);
	return {
		name: email && !label.includes('@') ? `${label} (${email})` : label,
		value: text(record.id),
	};
}

/** Server-side filter for a search term, when the resource can filter on something fitting. */
function serverFilter(resource: CatalogResource, term: string): IDataObject | undefined {
	if (!term || !resource.operations.getAll?.query.includes('filter')) return undefined;
	const filters = resource.filters.map((f) => f.name);
	if (term.includes('@') && filters.includes('email')) return { email: term };
	const field = ['name', 'title'].find((name) => filters.includes(name));
	return field ? { [field]: term } : undefined;
}

const isUnsupportedFilter = (error: unknown) =>
	error instanceof NodeApiError &&
	(error.errorResponse as IDataObject | undefined)?.type_name === 'UnsupportedFiltersError';

function listPath(ctx: ILoadOptionsFunctions, resource: CatalogResource): string {
	const endpoint = resource.operations.getAll!;
	const parent = rulesOf(resource).parent;
	if (!parent || !endpoint.pathParams.includes(parent.pathParam)) return endpoint.path;
	const parentId = chosenFirst(
		ctx,
		[parent.parameter],
		parent.noun,
		`Pick the ${parent.displayName} above; its records are listed here once it is set.`,
	);
	return apiPath(endpoint.path, { [parent.pathParam]: parentId });
}

// A cursor of an unfiltered listing searched here rather than by Apideck carries this prefix.
const LOCAL = 'local:';

async function fetchPage(
	ctx: ILoadOptionsFunctions,
	resource: CatalogResource,
	cursor: string | undefined,
	filter: IDataObject | undefined,
): Promise<Page> {
	const request = {
		method: 'GET' as const,
		path: listPath(ctx, resource),
		query: { filter },
		...dropdownOverrides(ctx),
	};
	return await apideckPage(ctx, request, cursor, PAGE_SIZE);
}

// Searching here may find nothing on a page; read a few more before answering with an empty page.
const MAX_LOCAL_PAGES = 5;

async function searchLocally(
	ctx: ILoadOptionsFunctions,
	resource: CatalogResource,
	cursor: string | undefined,
	term: string,
): Promise<INodeListSearchResult> {
	const needle = term.toLowerCase();
	const results: INodeListSearchItems[] = [];
	let next: string | undefined = cursor;
	for (let read = 0; read < MAX_LOCAL_PAGES; read++) {
		const page = await fetchPage(ctx, resource, next, undefined);
		results.push(
			...page.records
				.map(toItem)
				.filter(
					(item) =>
						!needle ||
						item.name.toLowerCase().includes(needle) ||
						String(item.value).toLowerCase().includes(needle),
				),
		);
		next = page.next;
		if (results.length || !next) break;
	}
	return { results, paginationToken: next ? `${LOCAL}${next}` : undefined };
}

/**
 * One page of a resource's records for a "From list" picker. The search term goes to Apideck as
 * a filter (email when it looks like one, else name or title) where the resource has one. Many
 * CRMs match such filters exactly, so when that finds nothing — or the resource or connector
 * cannot filter — the plain listing is searched here page by page, by part of the name or ID.
 */
async function searchRecords(
	ctx: ILoadOptionsFunctions,
	resource: CatalogResource,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const term = (filter ?? '').trim();
	if (paginationToken?.startsWith(LOCAL)) {
		return await searchLocally(ctx, resource, paginationToken.slice(LOCAL.length), term);
	}
	const applied = serverFilter(resource, term);
	if (applied) {
		try {
			const page = await fetchPage(ctx, resource, paginationToken, applied);
			if (page.records.length || paginationToken) {
				return { results: page.records.map(toItem), paginationToken: page.next };
			}
		} catch (error) {
			// The transport's errors are explained NodeApiErrors already: pass them on as they are.
			if (!isUnsupportedFilter(error)) throw error as NodeApiError;
		}
	}
	return await searchLocally(ctx, resource, undefined, term);
}

type SearchMethod = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

/** `searchLead`, `searchCompany`, … — one per resource that can be listed. */
export const listSearch: Record<string, SearchMethod> = Object.fromEntries(
	catalog
		.filter((resource) => resource.operations.getAll)
		.map((resource): [string, SearchMethod] => [
			searchMethodName(resource.value),
			async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
				return await searchRecords(this, resource, filter, paginationToken);
			},
		]),
);
