import type {
	INodeTypeDescription,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

export const PACKAGE = 'n8n-nodes-apideck-crm';

/** First node of every test workflow: emits the items the test hands it. */
export class FeedItems implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Feed Items',
		name: 'feedItems',
		group: ['input'],
		version: 1,
		description: 'Emits test items',
		defaults: { name: 'Feed Items' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as object[];
		return [
			items.map((json, index) => ({
				json: json as INodeExecutionData['json'],
				pairedItem: { item: index },
			})),
		];
	}
}

/** A node-type registry holding just the nodes a test needs, keyed by full type name. */
export class TestNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types[nodeType];
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		const type = this.getByName(nodeType);
		return 'nodeVersions' in type ? type.getNodeType(version) : type;
	}

	getKnownTypes() {
		return {};
	}
}
