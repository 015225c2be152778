import type { IDataObject } from 'n8n-workflow';

import type { FailedResponse, FailureReport } from '../core';
import { asText, headerValue, unreadableBodyLine } from '../core';
import { detailInWords, detailSentence, downstreamErrors } from './detail';
import { ERROR_HINTS, FRIENDLY_TITLES, STATUS_HINTS } from './hints';

/** The CRM's own errors as the headline goes on: the first one, and how many more. */
function firstOf(errors: string[]): string {
	if (!errors.length) return '';
	return errors.length > 1 ? `${errors[0]} (and ${errors.length - 1} more)` : errors[0];
}

/**
 * Reads an Apideck error answer: `type_name` picks the headline's start and the hint; the most
 * specific of the CRM's own errors, `detail` and `message` carries the headline on; all of
 * them, `ref` and the request-id header become description lines.
 */
export function describeApideckFailure(response: FailedResponse): FailureReport {
	const { statusCode, headers } = response;
	const body: IDataObject =
		response.body && typeof response.body === 'object' ? (response.body as IDataObject) : {};
	const typeName = asText(body.type_name);
	const message = (asText(body.message) || asText(body.error)).trim();
	const detail = detailInWords(body.detail);
	const downstream = downstreamErrors(body);
	const friendly = FRIENDLY_TITLES[typeName];
	const title = friendly ?? (message || `Apideck answered ${statusCode}`);
	// Detail objects of no known shape stay in the description: as pairs they read badly.
	const specific = firstOf(downstream) || detailSentence(body.detail);
	const words = friendly ? specific || message : specific !== message ? specific : '';
	// A message that only repeats the type name says nothing the title does not.
	const said = words === typeName ? '' : words;

	const lines: string[] = [];
	if (Object.keys(body).length > 0) {
		if (message && message !== title) lines.push(`Apideck said: ${message}`);
		if (detail) lines.push(`Detail: ${detail}`);
		if (downstream.length) lines.push(`The CRM said:`, ...downstream.map((text) => `  • ${text}`));
		if (typeName) lines.push(`Type: ${typeName}`);
		if (body.ref) lines.push(`Reference: ${asText(body.ref)}`);
	} else {
		lines.push(unreadableBodyLine('Apideck', response));
	}
	const requestId =
		headerValue(headers, 'x-apideck-request-id') ?? headerValue(headers, 'request-id');
	if (requestId) lines.push(`Request ID: ${requestId}`);
	return { title, said, lines, hint: ERROR_HINTS[typeName] ?? STATUS_HINTS[statusCode] };
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
