import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { ArrayStyle } from './query';
import type { RateLimitReading } from './rate-headers';

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
	/**
	 * What "not found" means once an earlier attempt of this request got no clear answer (the
	 * connection dropped, a 5xx) and may have been carried out. 'success': that attempt did it
	 * (a DELETE whose answer was lost), so the request resolves with an empty object.
	 */
	notFoundAfterUncertainAttempt?: 'success';
}

export interface FailedResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/** What a backend reads from a failed answer; the core frames it into the error. */
export interface FailureReport {
	/** The start of the error's headline, in the node's words ("The record was not found"). */
	title: string;
	/** What the API itself said, most specific first; the headline goes on with it. */
	said?: string;
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
	/**
	 * The base URL to send to (checked before every request: https, no query or fragment) and
	 * the credential's secrets, which are refused when shorter than 8 characters and never
	 * appear in an error.
	 */
	connection: (
		ctx: ApiFunctions,
	) => Promise<{ baseUrl: string; secret: string | readonly string[] }>;
	/** What the credential calls its secret, for messages ("API key" when not set). */
	secretLabel?: string;
	/** Headers the backend adds for this request (on top of the credential's own). */
	headers?: (request: Request) => IDataObject;
	/** Milliseconds the server asked to wait before trying again, if it said. */
	waitMs: (headers: IDataObject, now: number) => number | undefined;
	/**
	 * What an answer's rate-limit headers say about the API's window (see readRateLimitHeaders);
	 * the core's adaptive pace holds requests by it.
	 */
	rateLimit?: (headers: IDataObject, now: number) => RateLimitReading | undefined;
	describeFailure: (response: FailedResponse, request: Request) => FailureReport;
	/** Whether a failed answer says the record does not exist; any 404 when not given. */
	recordMissing?: (response: FailedResponse) => boolean;
	/** An answer no retry can change (such as a blocked account), though its status says otherwise. */
	isFinal?: (response: FailedResponse, request: Request) => boolean;
	/** How query arrays are written (default comma lists). */
	queryArrays?: ArrayStyle;
	list: ListFormat;
}
