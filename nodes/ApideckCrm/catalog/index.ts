import { resources } from './generated';
import type { CatalogResource } from './types';

export { resources } from './generated';
export type * from './types';

/** Every resource of the catalog, in the catalog's order. */
export const catalog: readonly CatalogResource[] = Object.values(resources);
