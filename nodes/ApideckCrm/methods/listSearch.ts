import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { apideckPage } from '../../shared/apideck';
import { apiPath } from '../../shared/core';
import type { RecordSource } from '../../shared/crm';
import { pickerItem, searchMethods } from '../../shared/crm';
import type { CatalogResource } from '../catalog';
import { catalog } from '../catalog';
import { rulesOf } from '../rules';
import { chosenFirst, dropdownOverrides } from './context';

const PAGE_SIZE = 50;

function firstEmail(record: IDataObject): string {
	const emails = Array.isArray(record.emails) ? (record.emails as IDataObject[]) : [];
	const email = emails[0]?.email;
	return typeof email === 'string' ? email.trim() : '';
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

/** The records of a resource through Apideck, filtered by Apideck where it can (see searchRecords). */
function apideckSource(ctx: ILoadOptionsFunctions, resource: CatalogResource): RecordSource {
	return {
		page: async (cursor, term) =>
			await apideckPage(
				ctx,
				{
					method: 'GET',
					path: listPath(ctx, resource),
					query: { filter: term ? serverFilter(resource, term) : undefined },
					...dropdownOverrides(ctx),
				},
				cursor,
				PAGE_SIZE,
			),
		canFilter: (term) => serverFilter(resource, term) !== undefined,
		isUnsupportedFilter,
		toItem: (record) => pickerItem(record, firstEmail(record)),
	};
}

/** `searchLead`, `searchCompany`, … — one per resource that can be listed. */
export const listSearch = searchMethods(catalog, apideckSource);
