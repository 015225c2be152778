import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { ArrayStyle } from './query';

/** Every n8n context that sends requests: execute, dropdowns, webhook lifecycle, deliveries. */
export type ApiFunctions =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Already encoded; build it with apiPath(). */
	path: string;
	/** Nested objects are sent deepObject style; empty values are dropped. */
	query?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
	timeoutMs?: number;
}

export interface FailedResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/** What a backend reads from a failed answer; the core frames it into the error. */
export interface FailureReport {
	/** The error's headline. */
	title: string;
	/** Description lines: what the API said, its reference numbers, … */
	lines: string[];
	/** What the person can do about it. */
	hint?: string;
}

/** Where the backend's list answers keep their records and next cursor, and how to ask for a page. */
interface ListFormat {
	maxPageSize: number;
	pageQuery: (cursor: string | undefined, size: number) => IDataObject;
	records: (page: IDataObject) => IDataObject[];
	nextCursor: (page: IDataObject) => string | undefined;
}

/**
 * One unified CRM API as the core sees it. The core sends, retries, paces, pages and frames
 * errors; the backend says how it authenticates, pages and reports errors.
 */
export interface Backend<Request extends ApiRequest = ApiRequest> {
	/** Used in messages: "Apideck did not answer in time". */
	name: string;
	/** The n8n credential whose authenticate() signs every request. */
	credentialName: string;
	/** The base URL to send to and the secret that must never appear in an error. */
	connection: (ctx: ApiFunctions) => Promise<{ baseUrl: string; secret: string }>;
	/** Headers the backend adds for this request (on top of the credential's own). */
	headers?: (request: Request) => IDataObject;
	/** Milliseconds the server asked to wait before trying again, if it said. */
	waitMs: (headers: IDataObject, now: number) => number | undefined;
	describeFailure: (response: FailedResponse, request: Request) => FailureReport;
	/** An answer no retry can change (such as a blocked account), though its status says otherwise. */
	isFinal?: (response: FailedResponse, request: Request) => boolean;
	/** How query arrays are written (default comma lists). */
	queryArrays?: ArrayStyle;
	list: ListFormat;
}
