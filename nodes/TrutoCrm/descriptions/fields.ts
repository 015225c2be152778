import type { INodeProperties } from 'n8n-workflow';

import type { CatalogField, FieldBase, FieldRules } from '../../shared/crm';
import { fieldProperties, fieldRulesOf } from '../../shared/crm';
import type { CatalogResource } from '../catalog';
import { fieldHelp } from '../catalog/fieldHelp';
import { LINKS, rulesOf } from '../rules';
import { locatorProperty } from './locators';

const PICK = 'Pick it from the list or give its ID.';

/** Custom field values by the CRM's field name, the names listed from Truto's fields resource. */
const customFieldsProperty = (base: FieldBase): INodeProperties => ({
	...base,
	type: 'fixedCollection',
	placeholder: 'Add Custom Field',
	default: {},
	typeOptions: { multipleValues: true },
	options: [
		{
			displayName: 'Custom Field',
			name: 'values',
			values: [
				{
					displayName: 'Field Name or ID',
					name: 'name',
					type: 'options',
					typeOptions: {
						loadOptionsMethod: 'getCustomFields',
						loadOptionsDependsOn: ['integratedAccount.value'],
					},
					default: '',
					description:
						'A field of the connected CRM, by its API name. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description: 'Value to store in the field',
				},
			],
		},
	],
});

/**
 * Top-level fields with a picker: links to records the node can list (one, or one per entry of a
 * repeatable group), and custom fields.
 */
function picker(field: CatalogField, base: FieldBase): INodeProperties | undefined {
	const target = LINKS[field.name];
	const description = [base.description, PICK].filter(Boolean).join('. ');
	if (target && field.type === 'link') return locatorProperty(target, { ...base, description });
	if (target && field.type === 'linkList') {
		return {
			...base,
			type: 'fixedCollection',
			placeholder: `Add ${base.displayName}`,
			default: {},
			typeOptions: { multipleValues: true },
			description: `${base.description}. Add one entry per record.`,
			options: [
				{
					displayName: base.displayName,
					name: 'values',
					values: [
						locatorProperty(target, {
							displayName: base.displayName,
							name: 'id',
							description: `${PICK} By ID also takes several, comma-separated.`,
						}),
					],
				},
			],
		};
	}
	if (field.type === 'map' && field.name === 'custom_fields') return customFieldsProperty(base);
	return undefined;
}

/** How the fields of one resource become parameters: its help text and the pickers above. */
export const fieldRules = (resource: CatalogResource): FieldRules =>
	fieldRulesOf(rulesOf(resource).helpText, fieldHelp, picker);

/** The fields of a resource as the options of a collection, sorted by display name. */
export const collectionFields = (resource: CatalogResource, fields: readonly CatalogField[]) =>
	fieldProperties(fields, fieldRules(resource));
