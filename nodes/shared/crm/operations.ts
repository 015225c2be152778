import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runItems } from './items';
import { article, lowerName, pluralOf } from './naming';
import type { CatalogResource } from './types';

/** One kind of operation (Create, Get Many, …), generic over the resources of a catalog. */
export interface Operation<Resource extends CatalogResource = CatalogResource> {
	/** Its entry in the Operation dropdown; `action` and `description` get the resource. */
	option: {
		name: string;
		action: (resource: Resource) => string;
		description?: (resource: Resource) => string;
	};
	/** The parameters it shows for a resource. */
	description: (resource: Resource) => INodeProperties[];
	execute: (
		this: IExecuteFunctions,
		resource: Resource,
		itemIndex: number,
	) => Promise<IDataObject[]>;
	/** For operations the catalog has no endpoint for: whether a resource offers it. */
	supports?: (resource: Resource) => boolean;
	/** Items with the same key run one after another, in input order (see runItems). */
	orderingKey?: (
		this: IExecuteFunctions,
		resource: Resource,
		itemIndex: number,
	) => string | undefined;
}

type Module<Resource extends CatalogResource> = Pick<
	Operation<Resource>,
	'description' | 'execute' | 'orderingKey'
>;

const a = (resource: CatalogResource) => article(lowerName(resource));
const many = (resource: CatalogResource) => pluralOf(lowerName(resource));

/** Dropdown entries of the operations both nodes have, in n8n's words. */
const OPTIONS = {
	create: {
		name: 'Create',
		action: (r: CatalogResource) => `Create ${a(r)}`,
		description: (r: CatalogResource) => `Create a new ${lowerName(r)}`,
	},
	delete: {
		name: 'Delete',
		action: (r: CatalogResource) => `Delete ${a(r)}`,
		description: (r: CatalogResource) => `Delete ${a(r)} by its ID`,
	},
	get: {
		name: 'Get',
		action: (r: CatalogResource) => `Get ${a(r)}`,
		description: (r: CatalogResource) => `Retrieve ${a(r)} by its ID`,
	},
	getAll: {
		name: 'Get Many',
		action: (r: CatalogResource) => `Get many ${many(r)}`,
		description: (r: CatalogResource) => `Retrieve a list of ${many(r)}`,
	},
	update: {
		name: 'Update',
		action: (r: CatalogResource) => `Update ${a(r)}`,
		description: (r: CatalogResource) => `Change fields of an existing ${lowerName(r)}`,
	},
};

/** The operations both nodes have: the standard ones and Create or Update (each node adds its own). */
export type CommonOperationValue = keyof typeof OPTIONS | 'upsert';

/** A standard operation (Create, Get, …) from its module (`description`, `execute`). */
export const standardOperation = <Resource extends CatalogResource>(
	kind: keyof typeof OPTIONS,
	module: Module<Resource>,
): Operation<Resource> => ({
	option: OPTIONS[kind],
	description: module.description,
	execute: module.execute,
});

/**
 * Create or Update, offered where `matchOf` names the field a resource is matched on; items
 * sharing a match value run one after another (the module's orderingKey).
 */
export const upsertOperation = <Resource extends CatalogResource>(
	module: Module<Resource>,
	matchOf: (resource: Resource) => string | undefined,
): Operation<Resource> => ({
	option: {
		name: 'Create or Update',
		action: (r) => `Create or update ${a(r)}`,
		description: (r) =>
			`Update the ${lowerName(r)} that has the given ${matchOf(r)}, or create it when none has`,
	},
	description: module.description,
	execute: module.execute,
	...(module.orderingKey ? { orderingKey: module.orderingKey } : {}),
	supports: (resource) => matchOf(resource) !== undefined,
});

export type Operations<Resource extends CatalogResource, Kind extends string> = Record<
	Kind,
	Operation<Resource>
>;

/** The operations a resource offers: its catalog endpoints plus composed ones such as upsert. */
export function operationsOf<Resource extends CatalogResource, Kind extends string>(
	operations: Operations<Resource, Kind>,
	resource: Resource,
): Kind[] {
	return (Object.keys(operations) as Kind[]).filter((kind) => {
		const supports = operations[kind].supports;
		return supports ? supports(resource) : resource.operations[kind] !== undefined;
	});
}

/** The resource and operation chosen for an item; no resource when it does not offer it. */
function chosen<Resource extends CatalogResource, Kind extends string>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	resources: Readonly<Record<string, Resource>>,
	operations: Operations<Resource, Kind>,
) {
	const value = ctx.getNodeParameter('resource', itemIndex) as string;
	const resource = Object.prototype.hasOwnProperty.call(resources, value)
		? resources[value]
		: undefined;
	const operation = ctx.getNodeParameter('operation', itemIndex) as Kind;
	const offered = resource !== undefined && operationsOf(operations, resource).includes(operation);
	return { resource: offered ? resource : undefined, operation };
}

/** The ordering key of an item's operation, if it has one (see runItems). */
function orderingKeyOf<Resource extends CatalogResource, Kind extends string>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	resources: Readonly<Record<string, Resource>>,
	operations: Operations<Resource, Kind>,
): string | undefined {
	const { resource, operation } = chosen(ctx, itemIndex, resources, operations);
	return resource && operations[operation].orderingKey?.call(ctx, resource, itemIndex);
}

/** Runs the operation chosen for this item's resource. */
async function runOperation<Resource extends CatalogResource, Kind extends string>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	resources: Readonly<Record<string, Resource>>,
	operations: Operations<Resource, Kind>,
): Promise<IDataObject[]> {
	const { resource, operation } = chosen(ctx, itemIndex, resources, operations);
	if (!resource) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" is not supported for this resource`,
			{ itemIndex },
		);
	}
	return await operations[operation].execute.call(ctx, resource, itemIndex);
}

/**
 * Every input item through its resource's operation (runItems: parallel, paired, in order;
 * items sharing an operation's ordering key one after another).
 */
export async function runCatalogItems<Resource extends CatalogResource, Kind extends string>(
	ctx: IExecuteFunctions,
	resources: Readonly<Record<string, Resource>>,
	operations: Operations<Resource, Kind>,
): Promise<INodeExecutionData[][]> {
	return await runItems(
		ctx,
		async (itemIndex) => await runOperation(ctx, itemIndex, resources, operations),
		(itemIndex) => orderingKeyOf(ctx, itemIndex, resources, operations),
	);
}
