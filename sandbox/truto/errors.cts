// Truto's error body: { statusCode, error, message }, plus truto_is_remote_error, raw_response and
// truto_error_insight when the CRM behind the integrated account answered with the error.
import { STATUS_CODES } from 'node:http';
import type { JsonObject, SandboxResponse } from '../http/types.cjs';
import type { Failure } from './validate.cjs';

export interface ErrorExtra {
	headers?: Record<string, string>;
	/** Hints keyed by kind, each { description, value }. */
	insight?: Record<string, { description: string; value: unknown }>;
	details?: JsonObject;
	/** Any other body fields. */
	fields?: JsonObject;
}

export function trutoError(
	status: number,
	message: string,
	extra: ErrorExtra = {},
): SandboxResponse {
	return {
		status,
		headers: extra.headers,
		body: {
			statusCode: status,
			error: STATUS_CODES[status] ?? 'Error',
			message,
			...(extra.insight ? { truto_error_insight: extra.insight } : {}),
			...(extra.details ? { details: extra.details } : {}),
			...extra.fields,
		},
	};
}

/** An error the CRM answered: Truto passes its body on as raw_response. */
export function remoteError(
	status: number,
	message: string,
	rawResponse: unknown,
	extra: ErrorExtra = {},
): SandboxResponse {
	return trutoError(status, message, {
		...extra,
		insight: {
			remote_error: {
				description: 'The connected CRM refused the request; raw_response holds its answer.',
				value: status,
			},
			...extra.insight,
		},
		fields: { truto_is_remote_error: true, raw_response: rawResponse, ...extra.fields },
	});
}

export const unauthorized = (message: string) => trutoError(401, message);

export const badRequest = (message: string, extra?: ErrorExtra) => trutoError(400, message, extra);

export const unknownRoute = (method: string, path: string) =>
	trutoError(404, `No route for ${method} ${path}`);

export const invalidCursor = (detail: string) =>
	badRequest(`next_cursor is not valid for this list: ${detail}`);

export function missingAccountId(): SandboxResponse {
	return badRequest('integrated_account_id is required as a query parameter', {
		insight: {
			missing_required_query_parameters: {
				description: 'Every unified API call names the integrated account to use.',
				value: ['integrated_account_id'],
			},
		},
	});
}

/** Truto's own validation of a body or query against the unified schema. */
export function validationFailed(failures: Failure[], where: 'body' | 'query'): SandboxResponse {
	const required = failures.filter((f) => f.problem === 'required').map((f) => f.field);
	const insightKey =
		where === 'body' ? 'missing_required_body_fields' : 'missing_required_query_parameters';
	return badRequest(failures.map((f) => f.message).join('; '), {
		details: { failures: failures.map(({ field, message }) => ({ field, message })) },
		insight: required.length
			? {
					[insightKey]: {
						description: `The unified ${where === 'body' ? 'body' : 'query'} lacks required values.`,
						value: required,
					},
				}
			: undefined,
	});
}
