import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { article, lowerName, pluralOf } from '../../shared/crm';
import type { CatalogResource, OperationValue } from '../catalog';
import { upsertMatchOf } from '../rules';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getMembers from './getMembers.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export interface Operation {
	/** Its entry in the Operation dropdown; `action` and `description` get the resource. */
	option: {
		name: string;
		action: (resource: CatalogResource) => string;
		description?: (resource: CatalogResource) => string;
	};
	/** The parameters it shows for a resource. */
	description: (resource: CatalogResource) => INodeProperties[];
	execute: (
		this: IExecuteFunctions,
		resource: CatalogResource,
		itemIndex: number,
	) => Promise<IDataObject[]>;
	/** For operations the catalog has no endpoint for: whether a resource offers it. */
	supports?: (resource: CatalogResource) => boolean;
	/** Items with the same key run one after another, in input order (see runItems). */
	orderingKey?: (
		this: IExecuteFunctions,
		resource: CatalogResource,
		itemIndex: number,
	) => string | undefined;
}

const a = (resource: CatalogResource) => article(lowerName(resource));

/** One generic implementation per kind of operation, driven by the catalog. */
export const OPERATIONS: Record<OperationValue, Operation> = {
	create: {
		option: { name: 'Create', action: (r) => `Create ${a(r)}` },
		description: create.description,
		execute: create.execute,
	},
	delete: {
		option: { name: 'Delete', action: (r) => `Delete ${a(r)}` },
		description: deleteOperation.description,
		execute: deleteOperation.execute,
	},
	get: {
		option: { name: 'Get', action: (r) => `Get ${a(r)}` },
		description: get.description,
		execute: get.execute,
	},
	getAll: {
		option: { name: 'Get Many', action: (r) => `Get many ${pluralOf(lowerName(r))}` },
		description: getAll.description,
		execute: getAll.execute,
	},
	getMembers: {
		option: { name: 'Get Members', action: () => 'Get the members of a list' },
		description: getMembers.description,
		execute: getMembers.execute,
	},
	update: {
		option: { name: 'Update', action: (r) => `Update ${a(r)}` },
		description: update.description,
		execute: update.execute,
	},
	upsert: {
		option: {
			name: 'Create or Update',
			action: (r) => `Create or update ${a(r)}`,
			description: (r) =>
				`Update the ${lowerName(r)} that has the given ${upsertMatchOf(r)}, or create it when none has`,
		},
		description: upsert.description,
		execute: upsert.execute,
		orderingKey: upsert.orderingKey,
		supports: (resource) => upsertMatchOf(resource) !== undefined,
	},
};

/** The operations a resource offers: its catalog endpoints plus composed ones such as upsert. */
export function operationsOf(resource: CatalogResource): OperationValue[] {
	return (Object.keys(OPERATIONS) as OperationValue[]).filter((kind) => {
		const supports = OPERATIONS[kind].supports;
		return supports ? supports(resource) : resource.operations[kind] !== undefined;
	});
}
