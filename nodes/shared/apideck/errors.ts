import type { IDataObject } from 'n8n-workflow';

import type { FailedResponse, FailureReport } from '../core';
import { asText, headerValue, unreadableBodyLine } from '../core';
import { ERROR_HINTS, FRIENDLY_TITLES, STATUS_HINTS } from './hints';

function downstreamLines(detail: unknown): string[] {
	if (!detail || typeof detail !== 'object') return [];
	const errors = (detail as IDataObject).downstream_errors ?? (detail as IDataObject).errors;
	if (!Array.isArray(errors)) return [];
	return errors.map(
		(entry) =>
			`  • ${asText(typeof entry === 'object' && entry && 'message' in entry ? (entry as IDataObject).message : entry)}`,
	);
}

/**
 * Reads an Apideck error answer: `type_name` picks the headline and hint; `message`, `detail`
 * (with the CRM's own errors), `ref` and the request-id header become description lines.
 */
export function describeApideckFailure(response: FailedResponse): FailureReport {
	const { statusCode, headers } = response;
	const body: IDataObject =
		response.body && typeof response.body === 'object' ? (response.body as IDataObject) : {};
	const typeName = asText(body.type_name);
	const said = asText(body.message) || asText(body.error);
	const title = FRIENDLY_TITLES[typeName] ?? (said || `Apideck answered ${statusCode}`);

	const lines: string[] = [];
	if (Object.keys(body).length > 0) {
		if (said && said !== title) lines.push(`Apideck said: ${said}`);
		if (body.detail !== undefined && body.detail !== null && body.detail !== '') {
			lines.push(`Detail: ${asText(body.detail)}`);
			lines.push(...downstreamLines(body.detail));
		}
		if (typeName) lines.push(`Type: ${typeName}`);
		if (body.ref) lines.push(`Reference: ${asText(body.ref)}`);
	} else {
		lines.push(unreadableBodyLine('Apideck', response));
	}
	const requestId =
		headerValue(headers, 'x-apideck-request-id') ?? headerValue(headers, 'request-id');
	if (requestId) lines.push(`Request ID: ${requestId}`);
	return { title, lines, hint: ERROR_HINTS[typeName] ?? STATUS_HINTS[statusCode] };
}

// 404s that are about the connection, not the record.
const NOT_ABOUT_THE_RECORD = new Set([
	'ConnectionNotFoundError',
	'ConnectorNotFoundError',
	'IntegrationNotFoundError',
]);

/** A 404 says the record is missing unless Apideck's type names the connection or connector. */
export const isRecordMissing = (response: FailedResponse): boolean =>
	response.statusCode === 404 &&
	!NOT_ABOUT_THE_RECORD.has(asText((response.body as IDataObject | null)?.type_name));
