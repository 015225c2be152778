import type {
	CatalogEndpoint as AnyEndpoint,
	CatalogResource as AnyResource,
	CommonOperationValue,
} from '../../shared/crm';

export type { CatalogField } from '../../shared/crm';

export type ResourceValue =
	| 'account'
	| 'association'
	| 'contact'
	| 'engagement'
	| 'engagementType'
	| 'field'
	| 'fieldGroup'
	| 'lead'
	| 'note'
	| 'opportunity'
	| 'pipeline'
	| 'project'
	| 'stage'
	| 'task'
	| 'user'
	| 'view'
	| 'workspace';

export type OperationValue = CommonOperationValue | 'merge' | 'batchDelete';

/** Truto's own query parameters the node sets (integrated account, cursor and limit are the adapter's). */
type QueryParam =
	| 'truto_response_format'
	| 'truto_ignore_remote_data'
	| 'truto_exclude_fields'
	| 'remote_query';

export type CatalogEndpoint = AnyEndpoint<QueryParam>;
export type CatalogResource = AnyResource<ResourceValue, OperationValue, QueryParam>;
