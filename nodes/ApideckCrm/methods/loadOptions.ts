import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { apideckRequest } from '../../shared/apideck';
import { apiPath } from '../../shared/core';
import type { ResourceValue } from '../catalog';
import { resources } from '../catalog';
import { chosenFirst, dropdownOverrides } from './context';
import { crmConnections, customFieldDefinitions } from './vault';

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : '';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** Service ID option: the consumer's callable CRM connections in Apideck Vault. */
export async function getServices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { consumerId } = dropdownOverrides(this);
	const connections = await crmConnections(this, consumerId);
	return [
		{
			name: 'Use the Credential Setting',
			value: '',
			description: "The credential's service ID, or the consumer's first connected CRM",
		},
		...connections
			.map((c) => ({
				name: text(c.name) || text(c.service_id),
				value: text(c.service_id),
				description: text(c.tag_line) || undefined,
			}))
			.sort(byName),
	];
}

/** Custom fields of the current resource for the connector in use, from Vault. */
export async function getCustomFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const resource = resources[this.getCurrentNodeParameter('resource') as ResourceValue];
	const listPath = resource?.operations.getAll?.path;
	if (!listPath) return [];
	const segment = listPath.split('/').pop() as string;
	const fields = await customFieldDefinitions(this, segment, dropdownOverrides(this));
	return fields
		.filter((field) => text(field.id))
		.map((field) => ({
			name: text(field.name) || text(field.id),
			value: text(field.id),
			description: text(field.description) || `ID: ${text(field.id)}`,
		}))
		.sort(byName);
}

/** Stages of the pipeline chosen in the same collection, in their order in the pipeline. */
export async function getPipelineStages(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const pipelineId = chosenFirst(
		this,
		['additionalFields.pipeline_id', 'updateFields.pipeline_id'],
		'the pipeline',
		'Add the Pipeline field and pick a pipeline; its stages are listed here.',
	);
	const response = await apideckRequest<{ data?: IDataObject }>(this, {
		method: 'GET',
		path: apiPath('/crm/pipelines/{id}', { id: pipelineId }),
		...dropdownOverrides(this),
	});
	const stages = Array.isArray(response.data?.stages)
		? (response.data.stages as IDataObject[])
		: [];
	return [...stages]
		.sort((a, b) => Number(a.display_order ?? 0) - Number(b.display_order ?? 0))
		.filter((stage) => text(stage.id))
		.map((stage) => ({
			name: text(stage.name) || text(stage.id),
			value: text(stage.id),
			description:
				stage.win_probability !== undefined && stage.win_probability !== null
					? `Win probability ${text(stage.win_probability)}%`
					: undefined,
		}));
}

export const loadOptions = { getServices, getCustomFields, getPipelineStages };
