import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** A column mapper (n8n's resourceMapper) whose columns `method` loads. */
export function columnMapperProperty(options: {
	method: string;
	creating: boolean;
	description: string;
	dependsOn: string[];
	displayOptions: INodeProperties['displayOptions'];
	displayName?: string;
}): INodeProperties {
	return {
		displayName: options.displayName ?? 'Fields',
		name: 'columns',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		description: options.description,
		typeOptions: {
			loadOptionsDependsOn: options.dependsOn,
			resourceMapper: {
				resourceMapperMethod: options.method,
				mode: options.creating ? 'add' : 'map',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: options.creating,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
		displayOptions: options.displayOptions,
	};
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/**
 * The values a column mapper holds for one item, keyed by column ID, empty ones left out: those
 * defined in the node, or (Map Automatically) the input item's fields that are columns.
 */
export function readMappedColumns(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const mode = ctx.getNodeParameter('columns.mappingMode', itemIndex, 'defineBelow') as string;
	let values: IDataObject;
	if (mode === 'autoMapInputData') {
		const schema = ctx.getNodeParameter('columns.schema', itemIndex, []) as IDataObject[];
		const known = new Set(schema.filter((c) => c.removed !== true).map((c) => String(c.id)));
		const json = ctx.getInputData()[itemIndex]?.json ?? {};
		values = Object.fromEntries(Object.entries(json).filter(([key]) => known.has(key)));
	} else {
		values = (ctx.getNodeParameter('columns.value', itemIndex, {}) as IDataObject | null) ?? {};
	}
	return Object.fromEntries(Object.entries(values).filter(([, value]) => !isEmpty(value)));
}
