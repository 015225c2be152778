import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { RecordSource, SearchMethod } from '../../shared/crm';
import { pickerItem, searchMethods } from '../../shared/crm';
import { searchIntegratedAccounts, trutoPage } from '../../shared/truto';
import type { CatalogResource } from '../catalog';
import { catalog } from '../catalog';
import { currentAccount } from './context';

const PAGE_SIZE = 50;

function firstEmail(record: IDataObject): string {
	const emails = Array.isArray(record.email_addresses)
		? (record.email_addresses as IDataObject[])
		: [];
	const email = emails[0]?.email ?? record.email;
	return typeof email === 'string' ? email.trim() : '';
}

/** Truto's list filter for a search term, when the resource has a fitting one. */
function serverFilter(resource: CatalogResource, term: string): IDataObject | undefined {
	const filters = resource.filters.map((f) => f.name);
	if (term.includes('@')) {
		const field = ['email_addresses', 'email'].find((name) => filters.includes(name));
		return field ? { [field]: term } : undefined;
	}
	return filters.includes('name') ? { name: term } : undefined;
}

/** A CRM that cannot filter this way answers 400 or 422; the listing is then searched here. */
const isUnsupportedFilter = (error: unknown) =>
	error instanceof NodeApiError && ['400', '422'].includes(String(error.httpCode));

function trutoSource(ctx: ILoadOptionsFunctions, resource: CatalogResource): RecordSource {
	return {
		page: async (cursor, term) =>
			await trutoPage(
				ctx,
				{
					method: 'GET',
					path: resource.operations.getAll!.path,
					query: {
						...(term ? serverFilter(resource, term) : {}),
						truto_ignore_remote_data: true,
					},
					integratedAccountId: currentAccount(ctx),
				},
				cursor,
				PAGE_SIZE,
			),
		canFilter: (term) => serverFilter(resource, term) !== undefined,
		isUnsupportedFilter,
		toItem: (record) => pickerItem(record, firstEmail(record)),
	};
}

/** `searchLead`, `searchContact`, … — one per resource that can be listed — and the accounts. */
export const listSearch: Record<string, SearchMethod> = {
	searchIntegratedAccounts,
	...searchMethods(catalog, trutoSource),
};
