import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { boundedBody, cut, MAX_ERROR_TEXT, MAX_HEADLINE_WORDS } from './limits';
import { redact, redactValue } from './redact';
import type { FailedResponse, FailureReport } from './types';

export interface FailureContext {
	method: string;
	path: string;
	attempts: number;
	itemIndex?: number;
	secrets?: string | readonly string[];
	/** Extra lines: why retrying stopped, whether a write may have happened. */
	note?: string;
}

const withAttempts = (message: string, attempts: number) =>
	attempts > 1 ? `${message} (after ${attempts} attempts)` : message;

/** The lines every request error ends with: the request, the attempts, the note, the hint. */
export function closingLines(context: FailureContext, hint?: string): string[] {
	return [
		`Request: ${context.method} ${context.path}`,
		context.attempts > 1 ? `Gave up after ${context.attempts} attempts.` : '',
		context.note ?? '',
		hint ? `Hint: ${hint}` : '',
	].filter(Boolean);
}

/**
 * The description: what the answer said (each line and all of them bounded, saying so when
 * cut), then the closing lines, which are short and always kept.
 */
function description(said: string[], closing: string[]): string {
	const budget = Math.max(1_000, MAX_ERROR_TEXT - closing.join('\n').length);
	const body = cut(said.map((line) => cut(line, MAX_ERROR_TEXT / 2)).join('\n'), budget);
	return [body, ...closing].filter(Boolean).join('\n');
}

/**
 * Builds the error every failed request becomes: no secret in any form, the headline and the
 * description bounded, and the answer kept on it bounded too (n8n stores all of it in the run).
 */
export function requestError(
	node: INode,
	answer: IDataObject,
	parts: {
		message: string;
		lines: string[];
		closing: string[];
		httpCode?: string;
		/** The item is named on the headline: what it sent was refused. */
		namesItem?: boolean;
	},
	context: FailureContext,
): NodeApiError {
	const safe = (text: string) => redact(text, context.secrets);
	const item =
		parts.namesItem && context.itemIndex !== undefined ? ` (item ${context.itemIndex})` : '';
	const message = cut(safe(withAttempts(parts.message, context.attempts)) + item, MAX_ERROR_TEXT);
	const error = new NodeApiError(
		node,
		boundedBody(redactValue(answer, context.secrets)) as JsonObject,
		{
			message,
			description: safe(description(parts.lines, parts.closing)),
			httpCode: parts.httpCode,
			itemIndex: context.itemIndex,
		},
	);
	// n8n swaps a message that mentions a Node error code (ECONNRESET, …) for a generic one.
	error.message = message;
	return error;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Refusals caused by what the item sent (not by the credential, the plan or the rate). */
const blamesTheItem = (statusCode: number) =>
	statusCode >= 400 && statusCode < 500 && ![401, 402, 403, 407, 408, 429].includes(statusCode);

/** The headline: the backend's title followed by the API's own words. */
function headline(report: FailureReport): string {
	const title = cut(oneLine(report.title), MAX_HEADLINE_WORDS);
	const said = report.said ? cut(oneLine(report.said), MAX_HEADLINE_WORDS) : '';
	return said && !title.includes(said) ? `${title}: ${said}` : title;
}

/** Frames what the backend read from a failed answer into an error without any secret in it. */
export function responseError(
	node: INode,
	response: FailedResponse,
	report: FailureReport,
	context: FailureContext,
): NodeApiError {
	const { statusCode } = response;
	const body: IDataObject =
		response.body && typeof response.body === 'object' ? (response.body as IDataObject) : {};
	return requestError(
		node,
		{ ...body, status_code: statusCode },
		{
			message: headline(report),
			namesItem: blamesTheItem(statusCode),
			lines: report.lines,
			closing: closingLines(context, report.hint),
			httpCode: String(statusCode),
		},
		context,
	);
}

/**
 * A redirect is never followed: it would carry the credential (and a create's body) to
 * wherever the Location points, and turn a create into a read that looks like success.
 */
export function redirectError(
	node: INode,
	backendName: string,
	response: { statusCode: number; location?: string },
	context: FailureContext & { baseUrl: string },
): NodeApiError {
	const where = response.location ? `to ${response.location}` : 'without saying where to';
	return requestError(
		node,
		{ status_code: response.statusCode, location: response.location ?? null },
		{
			message: `${backendName} answered with a redirect ${where} (${response.statusCode})`,
			lines: [
				`The Base URL ${context.baseUrl} sends requests elsewhere. Requests are not followed there, so that the credential and the data stay with ${backendName}.`,
			],
			closing: closingLines(
				context,
				`Fix the Base URL in the ${backendName} credential so that it points at the API itself; if you trust the address above, use that one.`,
			),
			httpCode: String(response.statusCode),
		},
		context,
	);
}

/** A value from an answer as text for a message: strings as they are, anything else as JSON. */
export const asText = (value: unknown): string =>
	typeof value === 'string'
		? value
		: value === undefined || value === null
			? ''
			: JSON.stringify(value);

/** The line for an answer whose body the backend cannot read. */
export function unreadableBodyLine(backendName: string, response: FailedResponse): string {
	const text = asText(response.body).trim().slice(0, 300);
	return text
		? `${backendName} answered ${response.statusCode} with a body that is not JSON: ${text}`
		: `${backendName} answered ${response.statusCode} with an empty body.`;
}

/** Keeps errors that already explain themselves (API and operation errors); wraps anything else. */
export function asNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}
