import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runCatalogItems } from '../../shared/crm';
import { resources } from '../catalog';
import { OPERATIONS } from './operations';

/** Every input item through its resource's operation (see runCatalogItems). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runCatalogItems(this, resources, OPERATIONS);
}
