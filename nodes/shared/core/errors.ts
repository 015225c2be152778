import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { redact } from './redact';
import type { FailedResponse, FailureReport } from './types';

interface FailureContext {
	method: string;
	path: string;
	attempts: number;
	itemIndex?: number;
	secret?: string;
	/** Extra lines: why retrying stopped, whether a write may have happened. */
	note?: string;
}

const withAttempts = (message: string, attempts: number) =>
	attempts > 1 ? `${message} (after ${attempts} attempts)` : message;

/** The lines every request error ends with: the request, the attempts, the note, the hint. */
function closingLines(context: FailureContext, hint?: string): string[] {
	return [
		`Request: ${context.method} ${context.path}`,
		context.attempts > 1 ? `Gave up after ${context.attempts} attempts.` : '',
		context.note ?? '',
		hint ? `Hint: ${hint}` : '',
	].filter(Boolean);
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
	const safeBody = JSON.parse(
		redact(JSON.stringify({ ...body, status_code: statusCode }), context.secret),
	);
	return new NodeApiError(node, safeBody as JsonObject, {
		message: redact(withAttempts(report.title, context.attempts), context.secret),
		description: redact(
			[...report.lines, ...closingLines(context, report.hint)].join('\n'),
			context.secret,
		),
		httpCode: String(statusCode),
		itemIndex: context.itemIndex,
	});
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

/** The error and the errors it wraps (n8n wraps the HTTP client's error in its own). */
function chain(error: unknown): IDataObject[] {
	const out: IDataObject[] = [];
	let current = error as IDataObject | undefined;
	while (current && typeof current === 'object' && out.length < 5 && !out.includes(current)) {
		out.push(current);
		current = current.cause as IDataObject | undefined;
	}
	return out;
}

/** For requests that never got an HTTP answer (refused connection, DNS, timeout). */
export function networkError(
	node: INode,
	backendName: string,
	cause: Error,
	context: FailureContext & { baseUrl: string },
): NodeApiError {
	const links = chain(cause);
	const code = links.map((link) => link.code).find((value) => typeof value === 'string') as
		| string
		| undefined;
	const timedOut =
		['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT'].includes(code ?? '') ||
		links.some((link) => /time(d)? ?out/i.test(String(link.message ?? '')));
	const dropped =
		['ECONNRESET', 'EPIPE'].includes(code ?? '') || /socket hang up/i.test(cause.message);
	const request = `${context.method} ${context.path}`;
	const message = timedOut
		? `${backendName} did not answer in time (${request})`
		: dropped
			? `The connection to ${backendName} broke before it answered (${request})`
			: `Could not reach ${backendName} at ${context.baseUrl}`;
	const hint =
		timedOut || dropped
			? `${backendName} or the CRM behind it is slow or unstable right now. Try again later, or raise the Timeout option.`
			: `Check the Base URL in the ${backendName} credential and that this n8n instance can reach it.`;
	const lines = [`Cause: ${code ?? cause.message}`, ...closingLines(context, hint)];
	return new NodeApiError(node, { message: redact(cause.message, context.secret) } as JsonObject, {
		message: redact(withAttempts(message, context.attempts), context.secret),
		description: redact(lines.join('\n'), context.secret),
		itemIndex: context.itemIndex,
	});
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
