import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	NodeApiError,
} from 'n8n-workflow';

import type { Page } from '../core';
import { searchMethodName } from './locator';
import type { CatalogResource } from './types';

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/** What a person recognises a record by: its name, title or full name, else its ID. */
function labelOf(record: IDataObject): string {
	const fullName = [text(record.first_name), text(record.last_name)].filter(Boolean).join(' ');
	return (
		text(record.name) || text(record.title) || text(record.subject) || fullName || text(record.id)
	);
}

/** A record as a picker entry: its label, with its first email when it has one. */
export function pickerItem(record: IDataObject, email: string): INodeListSearchItems {
	const label = labelOf(record);
	return {
		name: email && !label.includes('@') ? `${label} (${email})` : label,
		value: text(record.id),
	};
}

/** How one backend lists a resource's records for a picker. */
export interface RecordSource {
	/** One page from `cursor`; with `term`, filtered by the backend where it can. */
	page: (cursor: string | undefined, term?: string) => Promise<Page>;
	/** Whether the backend can filter on something fitting the term (a name, an email). */
	canFilter: (term: string) => boolean;
	/** Whether an error says the backend or its CRM cannot apply that filter. */
	isUnsupportedFilter: (error: unknown) => boolean;
	toItem: (record: IDataObject) => INodeListSearchItems;
}

// A cursor of an unfiltered listing searched here rather than by the backend carries this prefix.
const LOCAL = 'local:';

// Searching here may find nothing on a page; read a few more before answering with an empty page.
const MAX_LOCAL_PAGES = 5;

async function searchLocally(
	source: RecordSource,
	cursor: string | undefined,
	term: string,
): Promise<INodeListSearchResult> {
	const needle = term.toLowerCase();
	const results: INodeListSearchItems[] = [];
	let next: string | undefined = cursor;
	for (let read = 0; read < MAX_LOCAL_PAGES; read++) {
		const page = await source.page(next);
		results.push(
			...page.records
				.map(source.toItem)
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
 * One page of a resource's records for a "From List" picker. The search term goes to the
 * backend as a filter where it can take one. Many CRMs match such filters exactly, so when that
 * finds nothing — or the backend or CRM cannot filter — the plain listing is searched here page
 * by page, by part of the name or ID.
 */
export async function searchRecords(
	source: RecordSource,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const term = (filter ?? '').trim();
	if (paginationToken?.startsWith(LOCAL)) {
		return await searchLocally(source, paginationToken.slice(LOCAL.length), term);
	}
	if (term && source.canFilter(term)) {
		try {
			const page = await source.page(paginationToken, term);
			if (page.records.length || paginationToken) {
				return { results: page.records.map(source.toItem), paginationToken: page.next };
			}
		} catch (error) {
			// The transport's errors are explained NodeApiErrors already: pass them on as they are.
			if (!source.isUnsupportedFilter(error)) throw error as NodeApiError;
		}
	}
	return await searchLocally(source, undefined, term);
}

export type SearchMethod = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

/** `searchLead`, `searchContact`, … — one picker search per resource that can be listed. */
export function searchMethods<Resource extends CatalogResource>(
	catalog: readonly Resource[],
	sourceFor: (ctx: ILoadOptionsFunctions, resource: Resource) => RecordSource,
): Record<string, SearchMethod> {
	return Object.fromEntries(
		catalog
			.filter((resource) => resource.operations.getAll)
			.map((resource): [string, SearchMethod] => [
				searchMethodName(resource.value),
				async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
					return await searchRecords(sourceFor(this, resource), filter, paginationToken);
				},
			]),
	);
}
