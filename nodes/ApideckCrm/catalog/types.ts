import type {
	CatalogEndpoint as AnyEndpoint,
	CatalogResource as AnyResource,
	CommonOperationValue,
} from '../../shared/crm';

export type { CatalogField } from '../../shared/crm';

export type ResourceValue =
	| 'activity'
	| 'company'
	| 'contact'
	| 'customObject'
	| 'customObjectSchema'
	| 'lead'
	| 'list'
	| 'note'
	| 'opportunity'
	| 'pipeline'
	| 'user';

export type OperationValue = CommonOperationValue | 'getMembers';

/** Apideck's query parameters the node sets (cursor and limit are the transport's). */
type QueryParam = 'fields' | 'filter' | 'sort' | 'pass_through' | 'raw';

export type CatalogEndpoint = AnyEndpoint<QueryParam>;
export type CatalogResource = AnyResource<ResourceValue, OperationValue, QueryParam>;
