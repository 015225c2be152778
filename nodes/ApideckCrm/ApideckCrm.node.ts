import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import { properties } from './descriptions';
import { listSearch, loadOptions, resourceMapping } from './methods';

export class ApideckCrm implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Apideck CRM',
		name: 'apideckCrm',
		icon: { light: 'file:../../icons/apideck.svg', dark: 'file:../../icons/apideck.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read and write leads, contacts, companies, deals and more in any CRM connected to Apideck',
		defaults: { name: 'Apideck CRM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'apideckApi', required: true }],
		properties,
	};

	methods = { listSearch, loadOptions, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
