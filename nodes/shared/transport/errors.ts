import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { ERROR_HINTS, FRIENDLY_TITLES, STATUS_HINTS } from './hints';

export interface FailedResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

export interface FailureContext {
	method: string;
	path: string;
	attempts: number;
	itemIndex?: number;
	secret?: string;
	note?: string;
}

const header = (headers: IDataObject, name: string) => {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);
};

export function redact(text: string, secret?: string): string {
	if (!secret || secret.length < 4) return text;
	return text.split(secret).join('[redacted]');
}

const asText = (value: unknown): string =>
	typeof value === 'string'
		? value
		: value === undefined || value === null
			? ''
			: JSON.stringify(value);

function downstreamLines(detail: unknown): string[] {
	if (!detail || typeof detail !== 'object') return [];
	const errors = (detail as IDataObject).downstream_errors ?? (detail as IDataObject).errors;
	if (!Array.isArray(errors)) return [];
	return errors.map(
		(entry) =>
			`  • ${asText(typeof entry === 'object' && entry && 'message' in entry ? (entry as IDataObject).message : entry)}`,
	);
}

/** Turns a failed Apideck response into an error a person can act on, without any secret in it. */
export function apideckResponseError(
	node: INode,
	response: FailedResponse,
	context: FailureContext,
): NodeApiError {
	const { statusCode, headers } = response;
	const body: IDataObject =
		response.body && typeof response.body === 'object' ? (response.body as IDataObject) : {};
	const isJson = Object.keys(body).length > 0;
	const typeName = asText(body.type_name);
	const apideckMessage = asText(body.message) || asText(body.error);
	const title = FRIENDLY_TITLES[typeName] ?? (apideckMessage || `Apideck answered ${statusCode}`);

	const lines: string[] = [];
	if (isJson) {
		if (apideckMessage && apideckMessage !== title) lines.push(`Apideck said: ${apideckMessage}`);
		if (body.detail !== undefined && body.detail !== null && body.detail !== '') {
			lines.push(`Detail: ${asText(body.detail)}`);
			lines.push(...downstreamLines(body.detail));
		}
		if (typeName) lines.push(`Type: ${typeName}`);
		if (body.ref) lines.push(`Reference: ${asText(body.ref)}`);
	} else {
		const text = asText(response.body).trim().slice(0, 300);
		lines.push(
			text
				? `Apideck answered ${statusCode} with a body that is not JSON: ${text}`
				: `Apideck answered ${statusCode} with an empty body.`,
		);
	}
	const requestId = header(headers, 'x-apideck-request-id') ?? header(headers, 'request-id');
	if (requestId) lines.push(`Request ID: ${requestId}`);
	lines.push(`Request: ${context.method} ${context.path}`);
	if (context.attempts > 1) lines.push(`Gave up after ${context.attempts} attempts.`);
	if (context.note) lines.push(context.note);
	const hint = ERROR_HINTS[typeName] ?? STATUS_HINTS[statusCode];
	if (hint) lines.push(`Hint: ${hint}`);

	const message = redact(
		context.attempts > 1 ? `${title} (after ${context.attempts} attempts)` : title,
		context.secret,
	);
	const safeBody = JSON.parse(
		redact(JSON.stringify({ ...body, status_code: statusCode }), context.secret),
	);
	return new NodeApiError(node, safeBody as JsonObject, {
		message,
		description: redact(lines.join('\n'), context.secret),
		httpCode: String(statusCode),
		itemIndex: context.itemIndex,
	});
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
export function apideckNetworkError(
	node: INode,
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
	const message = timedOut
		? `Apideck did not answer in time (${context.method} ${context.path})`
		: dropped
			? `The connection to Apideck broke before it answered (${context.method} ${context.path})`
			: `Could not reach Apideck at ${context.baseUrl}`;
	const lines = [
		`Cause: ${code ?? cause.message}`,
		`Request: ${context.method} ${context.path}`,
		context.attempts > 1 ? `Gave up after ${context.attempts} attempts.` : '',
		context.note ?? '',
		timedOut || dropped
			? 'Hint: Apideck or the CRM behind it is slow or unstable right now. Try again later, or raise the Timeout option.'
			: 'Hint: Check the Base URL in the Apideck credential and that this n8n instance can reach it.',
	].filter(Boolean);
	return new NodeApiError(node, { message: redact(cause.message, context.secret) } as JsonObject, {
		message: redact(
			context.attempts > 1 ? `${message} (after ${context.attempts} attempts)` : message,
			context.secret,
		),
		description: redact(lines.join('\n'), context.secret),
		itemIndex: context.itemIndex,
	});
}
