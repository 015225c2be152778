import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from '../TrutoCrm/methods/listSearch';
import { deliveryWebhook } from '../shared/trigger';
import { receiveDelivery } from './delivery';
import { properties } from './description';
import { createWebhook, deleteWebhook, webhookExists } from './lifecycle';

export class TrutoCrmTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Truto CRM Trigger',
		name: 'trutoCrmTrigger',
		icon: { light: 'file:../../icons/truto.svg', dark: 'file:../../icons/truto.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when records change in a CRM connected to Truto, or when a customer connects or loses a CRM',
		defaults: { name: 'Truto CRM Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'trutoApi', required: true }],
		webhooks: [deliveryWebhook],
		properties,
	};

	methods = { listSearch: { searchIntegratedAccounts: listSearch.searchIntegratedAccounts } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await webhookExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createWebhook.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteWebhook.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}
}
