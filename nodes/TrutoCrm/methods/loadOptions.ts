import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { trutoList } from '../../shared/truto';
import { rulesOf } from '../rules';
import { currentAccount, currentResource } from './context';
import { methodSchema } from './meta';

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

// Enough for any CRM's fields of one kind of record, read in pages of 100.
const MAX_FIELDS = 1000;

/** The CRM's fields of the current resource, from Truto's fields resource (entity=…). */
export async function getCustomFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const resource = currentResource(this);
	const entity = resource && rulesOf(resource).fieldEntity;
	if (!entity) return [];
	const fields = await trutoList(this, {
		method: 'GET',
		path: '/unified/crm/fields',
		query: { entity, truto_ignore_remote_data: true },
		integratedAccountId: currentAccount(this),
		returnAll: false,
		limit: MAX_FIELDS,
	});
	return fields
		.filter((field) => text(field.name))
		.map((field) => ({
			name: text(field.label) || text(field.name),
			value: text(field.name),
			description: [text(field.name), text(field.type)].filter(Boolean).join(' · '),
		}))
		.sort(byName);
}

/** Query parameters the connected CRM takes for the current resource's list. */
export async function getCrmFilters(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const resource = currentResource(this);
	if (!resource?.operations.getAll) return [];
	const query = await methodSchema(
		this,
		resource,
		'list',
		'query_schema',
		'Give the parameter name by expression instead, or use the Filters above.',
	);
	return Object.entries(query)
		.map(([name, schema]) => ({
			name,
			value: name,
			description: text((schema as IDataObject | undefined)?.type) || undefined,
		}))
		.sort(byName);
}

export const loadOptions = { getCustomFields, getCrmFilters };
