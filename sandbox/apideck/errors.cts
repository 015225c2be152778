import { STATUS_CODES } from 'node:http';
import type { SandboxResponse } from './types.cjs';

/** Apideck's error body: { status_code, error, type_name, message, detail, ref }. */
export function apiError(
	status: number,
	typeName: string,
	message: string,
	detail?: unknown,
	extra: { headers?: Record<string, string>; fields?: Record<string, unknown> } = {},
): SandboxResponse {
	return {
		status,
		headers: extra.headers,
		body: {
			status_code: status,
			error: STATUS_CODES[status] ?? 'Error',
			type_name: typeName,
			message,
			detail: detail ?? message,
			ref: `https://developers.apideck.com/errors#${typeName.toLowerCase()}`,
			...extra.fields,
		},
	};
}

export const unauthorized = (detail: string) =>
	apiError(401, 'UnauthorizedError', 'Unauthorized Request', detail);

export const validationError = (message: string, detail?: unknown) =>
	apiError(400, 'RequestValidationError', message, detail);

export const notFound = (entity: string, id: string) =>
	apiError(404, 'EntityNotFoundError', `Unknown ${entity}`, {
		not_found: { entity, id },
	});

export const unknownRoute = (method: string, path: string) =>
	apiError(404, 'EntityNotFoundError', 'Unknown route', `No route for ${method} ${path}`);

export const connectionNotFound = (consumerId: string, serviceId: string) =>
	apiError(
		404,
		'ConnectionNotFoundError',
		'Connection not found',
		`Consumer '${consumerId}' has no callable '${serviceId}' connection for the crm API`,
	);

export const invalidCursor = (detail = 'The cursor was not issued by this API for this list') =>
	apiError(400, 'InvalidCursorError', 'Invalid cursor', detail);
