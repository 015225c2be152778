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

export class TrutoCrm implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Truto CRM',
		name: 'trutoCrm',
		icon: { light: 'file:../../icons/truto.svg', dark: 'file:../../icons/truto.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read and write contacts, leads, accounts, deals and more in any CRM connected through Truto',
		defaults: { name: 'Truto CRM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'trutoApi', required: true }],
		properties,
	};

	methods = { listSearch, loadOptions, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
