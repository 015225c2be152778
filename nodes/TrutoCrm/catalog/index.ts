import { resources } from './generated';
import type { CatalogResource } from './types';

export { resources } from './generated';
export type * from './types';

/** Every resource of the catalog, in the catalog's order. */
export const catalog: readonly CatalogResource[] = Object.values(resources);

/** The path segment Truto names a resource by (`engagement_types`), for its method metadata. */
export function segmentOf(resource: CatalogResource): string {
	const endpoint = Object.values(resource.operations)[0];
	return endpoint ? endpoint.path.split('/')[3] : '';
}
