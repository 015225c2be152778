import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ApideckListEnvelope } from '../../shared/apideck';
import { apideckRequest } from '../../shared/apideck';
import { apiPath } from '../../shared/core';
import { resources } from '../catalog/generated';
import type { CatalogResource, ResourceValue } from '../catalog/types';
import { searchMethodName } from '../descriptions/locators';
import { currentValue, dropdownOverrides } from './context';

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
	if (!endpoint.pathParams.includes('object_id')) return endpoint.path;
	const objectId = currentValue(ctx, 'objectId');
	if (!objectId) {
		throw new NodeOperationError(ctx.getNode(), 'Choose the custom object first', {
			description: 'Pick the Object above; its records are listed here once it is set.',
		});
	}
	return apiPath(endpoint.path, { object_id: objectId });
}

// A cursor of an unfiltered listing searched here rather than by Apideck carries this prefix.
const LOCAL = 'local:';

async function fetchPage(
	ctx: ILoadOptionsFunctions,
	resource: CatalogResource,
	cursor: string | undefined,
	filter: IDataObject | undefined,
): Promise<ApideckListEnvelope> {
	return await apideckRequest<ApideckListEnvelope>(ctx, {
		method: 'GET',
		path: listPath(ctx, resource),
		query: { cursor, limit: PAGE_SIZE, filter },
		...dropdownOverrides(ctx),
	});
}

const records = (page: ApideckListEnvelope) => (Array.isArray(page.data) ? page.data : []);

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
			...records(page)
				.map(toItem)
				.filter(
					(item) =>
						!needle ||
						item.name.toLowerCase().includes(needle) ||
						String(item.value).toLowerCase().includes(needle),
				),
		);
		next = page.meta?.cursors?.next ?? undefined;
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
export async function searchRecords(
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
			if (records(page).length || paginationToken) {
				return {
					results: records(page).map(toItem),
					paginationToken: page.meta?.cursors?.next ?? undefined,
				};
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
	(Object.values(resources) as CatalogResource[])
		.filter((resource) => resource.operations.getAll)
		.map((resource): [string, SearchMethod] => [
			searchMethodName(resource.value as ResourceValue),
			async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
				return await searchRecords(this, resource, filter, paginationToken);
			},
		]),
);
