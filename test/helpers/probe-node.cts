import type {
	INodeTypeDescription,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { apideckList, apideckRequest } from '../../nodes/shared/apideck';
import { trutoList, trutoRequest } from '../../nodes/shared/truto';

const BACKENDS = {
	apideck: { credential: 'apideckApi', request: apideckRequest, list: apideckList },
	truto: { credential: 'trutoApi', request: trutoRequest, list: trutoList },
};

/**
 * A test-only node that hands its parameters straight to a backend's transport (Apideck by
 * default), so transport behaviour is exercised through n8n's engine independently of the nodes.
 */
export class TransportProbe implements INodeType {
	description: INodeTypeDescription;

	constructor(backend: keyof typeof BACKENDS = 'apideck') {
		this.description = {
			displayName: 'Transport Probe',
			name: 'transportProbe',
			group: ['transform'],
			version: 1,
			description: 'Calls a backend transport',
			defaults: { name: 'Transport Probe' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: BACKENDS[backend].credential, required: true }],
			properties: [
				// execute() runs with n8n's context as `this`, so the backend travels as a parameter.
				{ displayName: 'Backend', name: 'backend', type: 'hidden', default: backend },
				{ displayName: 'Mode', name: 'mode', type: 'string', default: 'request' },
				{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
				{ displayName: 'Path', name: 'path', type: 'string', default: '' },
				{ displayName: 'Query', name: 'query', type: 'json', default: '{}' },
				{ displayName: 'Body', name: 'body', type: 'json', default: '' },
				{ displayName: 'Consumer ID', name: 'consumerId', type: 'string', default: '' },
				{ displayName: 'Service ID', name: 'serviceId', type: 'string', default: '' },
				{
					displayName: 'Integrated Account ID',
					name: 'integratedAccountId',
					type: 'string',
					default: '',
				},
				{ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false },
				{ displayName: 'Limit', name: 'limit', type: 'number', default: 50 },
			],
		};
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		const backend = this.getNodeParameter('backend', 0) as keyof typeof BACKENDS;
		const { request: send, list } = BACKENDS[backend];
		const items = this.getInputData();
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const param = (name: string) => this.getNodeParameter(name, itemIndex) as string;
			const bodyText = param('body');
			const request = {
				method: param('method') as 'GET',
				path: param('path'),
				query: JSON.parse(param('query') || '{}') as IDataObject,
				body: bodyText ? (JSON.parse(bodyText) as IDataObject) : undefined,
				consumerId: param('consumerId'),
				serviceId: param('serviceId'),
				integratedAccountId: param('integratedAccountId'),
				itemIndex,
			};
			if (param('mode') === 'list') {
				const records = await list(this, {
					...request,
					returnAll: this.getNodeParameter('returnAll', itemIndex) as boolean,
					limit: this.getNodeParameter('limit', itemIndex) as number,
				});
				out.push(...records.map((json) => ({ json, pairedItem: { item: itemIndex } })));
			} else {
				const json = await send(this, request);
				out.push({ json, pairedItem: { item: itemIndex } });
			}
		}
		return [out];
	}
}
