import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

export type ApideckFunctions =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

export interface ApideckRequest {
	method: IHttpRequestMethods;
	/** Already encoded; build it with apiPath(). */
	path: string;
	/** Nested objects (filter, sort, pass_through) are sent deepObject style; empty values are dropped. */
	query?: IDataObject;
	body?: IDataObject;
	/** Overrides the credential's consumer ID for this call. */
	consumerId?: string;
	/** Overrides the credential's service ID (connector) for this call. */
	serviceId?: string;
	itemIndex?: number;
	timeoutMs?: number;
}

export interface ApideckListEnvelope extends IDataObject {
	data: IDataObject[];
	meta?: { cursors?: { next?: string | null; current?: string | null } } & IDataObject;
}
