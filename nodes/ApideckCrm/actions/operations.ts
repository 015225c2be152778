import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pluralOf } from '../catalog/naming';
import type { CatalogResource, OperationValue } from '../catalog/types';
import { article } from '../descriptions/common';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getMembers from './getMembers.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export interface Operation {
	/** Shown in the operation dropdown. */
	name: string;
	/** Verb phrase for the action text, completed with the resource name. */
	verb: (resource: string) => string;
	/** What the operation does, when its name alone does not say it. */
	explain?: (resource: string) => string;
	description: (resource: CatalogResource) => INodeProperties[];
	execute: (
		this: IExecuteFunctions,
		resource: CatalogResource,
		itemIndex: number,
	) => Promise<IDataObject[]>;
	/** For operations the catalog has no endpoint for: whether a resource offers it. */
	supports?: (resource: CatalogResource) => boolean;
}

/** One generic implementation per kind of operation, driven by the catalog. */
export const OPERATIONS: Record<OperationValue, Operation> = {
	create: { name: 'Create', verb: (r) => `Create ${article(r)}`, ...create },
	delete: { name: 'Delete', verb: (r) => `Delete ${article(r)}`, ...deleteOperation },
	get: { name: 'Get', verb: (r) => `Get ${article(r)}`, ...get },
	getAll: { name: 'Get Many', verb: (r) => `Get many ${pluralOf(r)}`, ...getAll },
	getMembers: { name: 'Get Members', verb: () => 'Get the members of a list', ...getMembers },
	update: { name: 'Update', verb: (r) => `Update ${article(r)}`, ...update },
	upsert: {
		name: 'Create or Update',
		verb: (r) => `Create or update ${article(r)}`,
		explain: (r) =>
			`Update the ${r} that has the given ${r === 'company' ? 'name' : 'email'}, or create it when none has`,
		...upsert,
	},
};

/** The operations a resource offers: its catalog endpoints plus composed ones such as upsert. */
export function operationsOf(resource: CatalogResource): OperationValue[] {
	return (Object.keys(OPERATIONS) as OperationValue[]).filter((kind) => {
		const supports = OPERATIONS[kind].supports;
		return supports ? supports(resource) : resource.operations[kind] !== undefined;
	});
}
