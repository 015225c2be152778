import type { INodeProperties } from 'n8n-workflow';

import type { CatalogField, FieldBase, FieldRules } from '../../shared/crm';
import { fieldProperties, fieldRulesOf } from '../../shared/crm';
import { fieldHelp } from '../catalog/fieldHelp';
import type { CatalogResource } from '../catalog';
import { LINKS, rulesOf } from '../rules';
import { customFieldsProperty } from './customFields';
import { locatorProperty } from './locators';

/** Top-level fields with a picker: links to other records, pipeline stages, custom fields. */
function picker(field: CatalogField, base: FieldBase): INodeProperties | undefined {
	const target = LINKS[field.name];
	if (target && field.type === 'string') {
		return locatorProperty(target, {
			...base,
			displayName: base.displayName.replace(/ ID$/, ''),
			description: [base.description, 'Pick it from the list or give its ID.']
				.filter(Boolean)
				.join('. '),
		});
	}
	if (field.name === 'pipeline_stage_id') {
		return {
			...base,
			displayName: 'Pipeline Stage Name or ID',
			type: 'options',
			typeOptions: {
				loadOptionsMethod: 'getPipelineStages',
				loadOptionsDependsOn: ['additionalFields.pipeline_id', 'updateFields.pipeline_id'],
			},
			default: '',
			description:
				'Stage within the chosen pipeline. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		};
	}
	if (field.name === 'custom_fields' && field.type === 'objectList') return customFieldsProperty();
	return undefined;
}

/** How the fields of one resource become parameters: its help text and the pickers above. */
export const fieldRules = (resource: CatalogResource): FieldRules =>
	fieldRulesOf(rulesOf(resource).helpText, fieldHelp, picker);

/** The fields of a resource as the options of a collection, sorted by display name. */
export const collectionFields = (resource: CatalogResource, fields: readonly CatalogField[]) =>
	fieldProperties(fields, fieldRules(resource));
