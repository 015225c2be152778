import type { Operations } from '../../shared/crm';
import { operationsOf as offeredBy, standardOperation, upsertOperation } from '../../shared/crm';
import type { CatalogResource, OperationValue } from '../catalog';
import { upsertMatchOf } from '../rules';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getMembers from './getMembers.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

/** One generic implementation per kind of operation, driven by the catalog. */
export const OPERATIONS: Operations<CatalogResource, OperationValue> = {
	create: standardOperation('create', create),
	delete: standardOperation('delete', deleteOperation),
	get: standardOperation('get', get),
	getAll: standardOperation('getAll', getAll),
	getMembers: {
		option: {
			name: 'Get Members',
			action: () => 'Get the members of a list',
			description: () => 'Retrieve the records that belong to a list',
		},
		description: getMembers.description,
		execute: getMembers.execute,
	},
	update: standardOperation('update', update),
	upsert: upsertOperation(upsert, upsertMatchOf),
};

/** The operations a resource offers: its catalog endpoints plus composed ones such as upsert. */
export const operationsOf = (resource: CatalogResource): OperationValue[] =>
	offeredBy(OPERATIONS, resource);
