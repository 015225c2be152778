import type { Operations } from '../../shared/crm';
import {
	lowerName,
	operationsOf as offeredBy,
	pluralOf,
	standardOperation,
	upsertOperation,
} from '../../shared/crm';
import type { CatalogResource, OperationValue } from '../catalog';
import { upsertMatchOf } from '../rules';
import * as batchDelete from './batchDelete.operation';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as merge from './merge.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

const many = (resource: CatalogResource) => pluralOf(lowerName(resource));

/** One generic implementation per kind of operation, driven by the catalog. */
export const OPERATIONS: Operations<CatalogResource, OperationValue> = {
	create: standardOperation('create', create),
	delete: standardOperation('delete', deleteOperation),
	batchDelete: {
		option: {
			name: 'Delete Many',
			action: (r) => `Delete many ${many(r)}`,
			description: (r) => `Delete several ${many(r)} in one request`,
		},
		description: batchDelete.description,
		execute: batchDelete.execute,
	},
	get: standardOperation('get', get),
	getAll: standardOperation('getAll', getAll),
	merge: {
		option: {
			name: 'Merge',
			action: (r) => `Merge ${many(r)}`,
			description: (r) => `Fold duplicate ${many(r)} into one`,
		},
		description: merge.description,
		execute: merge.execute,
	},
	update: standardOperation('update', update),
	upsert: upsertOperation(upsert, upsertMatchOf),
};

/** The operations a resource offers: its catalog endpoints plus Create or Update. */
export const operationsOf = (resource: CatalogResource): OperationValue[] =>
	offeredBy(OPERATIONS, resource);
