import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { deliveryWebhook } from '../shared/trigger';
import { receiveDelivery } from './delivery';
import { properties } from './description';
import { createSubscription, deleteSubscription, subscriptionExists } from './lifecycle';

export class ApideckCrmTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Apideck CRM Trigger',
		name: 'apideckCrmTrigger',
		icon: { light: 'file:../../icons/apideck.svg', dark: 'file:../../icons/apideck.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when leads, contacts, companies, deals and more change in a CRM connected to Apideck',
		defaults: { name: 'Apideck CRM Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'apideckApi', required: true }],
		webhooks: [deliveryWebhook],
		properties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await subscriptionExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createSubscription.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteSubscription.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}
}
