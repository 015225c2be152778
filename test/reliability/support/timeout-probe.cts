import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { apideckList, apideckRequest } from '../../../nodes/shared/transport';

export const TIMEOUT_PROBE = 'n8n-nodes-apideck-crm.timeoutProbe';

/**
 * The Apideck CRM node has no timeout setting (the transport's is fixed at 60 s), so timeouts are
 * driven through this test-only node, which calls the shared transport with a short `timeoutMs`:
 * Get Many style (list) or one create (POST), with per-item errors when continue-on-fail is set.
 */
export class TimeoutProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Timeout Probe',
		name: 'timeoutProbe',
		group: ['transform'],
		version: 1,
		description: 'Calls the Apideck transport with a short timeout',
		defaults: { name: 'Timeout Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'apideckApi', required: true }],
		properties: [
			{ displayName: 'Mode', name: 'mode', type: 'string', default: 'list' },
			{ displayName: 'Timeout', name: 'timeoutMs', type: 'number', default: 500 },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		const items = this.getInputData();
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const timeoutMs = this.getNodeParameter('timeoutMs', itemIndex) as number;
			try {
				if (this.getNodeParameter('mode', itemIndex) === 'list') {
					const records = await apideckList(this, {
						method: 'GET',
						path: '/crm/leads',
						returnAll: true,
						itemIndex,
						timeoutMs,
					});
					out.push(...records.map((json) => ({ json, pairedItem: { item: itemIndex } })));
				} else {
					const body = { name: String(items[itemIndex].json.name) };
					const json = await apideckRequest<IDataObject>(this, {
						method: 'POST',
						path: '/crm/leads',
						body,
						itemIndex,
						timeoutMs,
					});
					out.push({ json, pairedItem: { item: itemIndex } });
				}
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				out.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
			}
		}
		return [out];
	}
}
