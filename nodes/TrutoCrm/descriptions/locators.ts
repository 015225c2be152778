import type { INodeProperties } from 'n8n-workflow';

import { lowerName, recordLocator, searchMethodName } from '../../shared/crm';
import { resources } from '../catalog';
import type { ResourceValue } from '../catalog';

/** A record picker for `target` records: "From List" (searchable, the default) and "By ID". */
export function locatorProperty(
	target: ResourceValue,
	base: Pick<INodeProperties, 'displayName' | 'name' | 'description'> & Partial<INodeProperties>,
): INodeProperties {
	return recordLocator(lowerName(resources[target]), searchMethodName(target), base);
}

/** The integrated account picker: the accounts of the token's environment, or an ID. */
export const integratedAccountProperty: INodeProperties = {
	displayName: 'Integrated Account',
	name: 'integratedAccount',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		"The customer's CRM connection to work in. Leave empty to use the credential's Default Integrated Account ID; give an ID by expression to choose one per item.",
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: "The credential's default account",
			typeOptions: { searchListMethod: 'searchIntegratedAccounts', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 62f44730-dd91-461e-bd6a-aedd9e0ad79d',
		},
	],
};
