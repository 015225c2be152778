// /unified/crm/{resource}[/{id}]: list, get, create, update and delete for the 17 resources of
// crm.yml (merge, batch-delete and associations are in custom-methods.cts).
import type { Cursors } from '../http/cursors.cjs';
import { isObject, own, type JsonObject, type SandboxResponse } from '../http/types.cjs';
import type { Accounts } from './accounts.cjs';
import { customMethod } from './custom-methods.cjs';
import { badRequest, remoteError, trutoError, validationFailed } from './errors.cjs';
import type { TrutoFaults } from './faults.cjs';
import { RESOURCES } from './generated/schema.cjs';
import { integrationFor } from './integrations.cjs';
import { list } from './list.cjs';
import { checkQuery, queryParameters } from './query.cjs';
import { customFieldsOf, FIELD_ENTITY, fromWrite, present } from './records.cjs';
import type { MethodSchema } from './schema-types.cjs';
import type { TrutoStore } from './store.cjs';
import type { CallContext, RecordChange } from './types.cjs';
import { check } from './validate.cjs';

export interface CrmDeps {
	store: TrutoStore;
	accounts: Accounts;
	cursors: Cursors;
	faults: TrutoFaults;
	options: {
		createStatus: 200 | 201;
		rejectUnknown: boolean;
		defaultLimit: number;
	};
	onChange?: (change: RecordChange) => void;
}

export interface CrmRequest {
	method: string;
	resource: string;
	/** The unified method: list, get, create, update, delete, merge, batch-delete. */
	unified: string;
	id?: string;
	rawPath: string;
	query: JsonObject;
	body: unknown;
	ctx: CallContext;
}

const WRITE_METHODS = new Set(['POST', 'PATCH', 'DELETE']);

/** Which unified method a request is; undefined when the resource has no such route. */
export function unifiedMethod(
	resource: string,
	httpMethod: string,
	second: string | undefined,
): { unified: string; id?: string; schema: MethodSchema } | undefined {
	const methods = own(RESOURCES, resource)?.methods;
	if (!methods) return undefined;
	const pick = (unified: string, id?: string) => {
		const schema = own(methods, unified);
		return schema && schema.http === httpMethod ? { unified, id, schema } : undefined;
	};
	if (second === undefined) return pick(httpMethod === 'GET' ? 'list' : 'create');
	if (httpMethod === 'POST') return pick(second);
	return pick({ GET: 'get', PATCH: 'update', DELETE: 'delete' }[httpMethod] ?? '', second);
}

export const isWrite = (httpMethod: string) => WRITE_METHODS.has(httpMethod);

export function handleCrm(deps: CrmDeps, req: CrmRequest, schema: MethodSchema): SandboxResponse {
	const integration = integrationFor(req.ctx.integration);
	const queryError = checkQuery(
		queryParameters(req.resource, req.unified, schema, integration),
		req.query,
		deps.options.rejectUnknown,
	);
	if (queryError) return queryError;
	if (schema.body) {
		if (!isObject(req.body)) return badRequest('The request body must be a JSON object');
		const failures = check(req.body, schema.body, '', {
			rejectUnknown: deps.options.rejectUnknown,
		});
		if (failures.length) return validationFailed(failures, 'body');
	}
	switch (req.unified) {
		case 'list':
			return list(deps, req);
		case 'get':
			return getOne(deps, req);
		case 'create':
			return req.resource === 'associations' ? customMethod(deps, req) : create(deps, req);
		case 'update':
			return update(deps, req);
		case 'delete':
			return remove(deps, req);
		default:
			return customMethod(deps, req);
	}
}

export const answer = (req: CrmRequest, record: JsonObject) =>
	present(req.resource, record, req.ctx.integration, req.query);

/** A 404 as the CRM words it (Truto forwards it as a remote error). */
export function recordNotFound(req: CrmRequest, resource: string, id: string): SandboxResponse {
	const message = `No ${resource} record with id ${id}`;
	return remoteError(
		404,
		message,
		integrationFor(req.ctx.integration).rawError('notFound', message),
	);
}

function getOne(deps: CrmDeps, req: CrmRequest): SandboxResponse {
	const record = deps.store.bucket(req.resource, req.ctx.accountId).records.get(req.id!);
	if (!record) return recordNotFound(req, req.resource, req.id!);
	return { status: 200, body: answer(req, record) };
}

/** What the CRM itself refuses in a write: its own required fields, unknown custom fields. */
function crmRejects(deps: CrmDeps, req: CrmRequest, body: JsonObject): SandboxResponse | undefined {
	const integration = integrationFor(req.ctx.integration);
	const reject = (message: string) =>
		remoteError(422, message, integration.rawError('validation', message));
	if (req.unified === 'create') {
		const missing = (integration.requiredOnCreate[req.resource] ?? []).filter(
			(field) => body[field] === undefined || body[field] === null || body[field] === '',
		);
		if (missing.length)
			return reject(
				`${integration.label} requires ${missing.join(', ')} to create ${req.resource}`,
			);
	}
	if (isObject(body.custom_fields)) {
		const fields = customFieldsOf(deps.store.list('fields', req.ctx.accountId), req.resource);
		const known = new Set(fields.map((f) => f.name));
		const unknown = Object.keys(body.custom_fields).filter((name) => !known.has(name));
		if (unknown.length)
			return reject(
				`${integration.label} has no ${req.resource} field named ${unknown.join(', ')} (see /unified/crm/fields?entity=${FIELD_ENTITY[req.resource] ?? '…'})`,
			);
	}
	return undefined;
}

function create(deps: CrmDeps, req: CrmRequest): SandboxResponse {
	const body = req.body as JsonObject;
	const rejected = crmRejects(deps, req, body);
	if (rejected) return rejected;
	const record = deps.store.create(req.resource, fromWrite(req.resource, body), req.ctx.accountId);
	const shown = answer(req, record);
	deps.onChange?.({ action: 'created', resource: req.resource, record: shown, ctx: req.ctx });
	return { status: deps.options.createStatus, body: shown };
}

function update(deps: CrmDeps, req: CrmRequest): SandboxResponse {
	if (!deps.store.bucket(req.resource, req.ctx.accountId).records.has(req.id!))
		return recordNotFound(req, req.resource, req.id!);
	const body = req.body as JsonObject;
	const rejected = crmRejects(deps, req, body);
	if (rejected) return rejected;
	const record = deps.store.patch(
		req.resource,
		req.id!,
		fromWrite(req.resource, body),
		req.ctx.accountId,
	)!;
	const shown = answer(req, record);
	deps.onChange?.({ action: 'updated', resource: req.resource, record: shown, ctx: req.ctx });
	return { status: 200, body: shown };
}

function remove(deps: CrmDeps, req: CrmRequest): SandboxResponse {
	if (!deps.store.remove(req.resource, req.id!, req.ctx.accountId))
		return recordNotFound(req, req.resource, req.id!);
	deps.onChange?.({
		action: 'deleted',
		resource: req.resource,
		record: { id: req.id },
		ctx: req.ctx,
	});
	return { status: 200, body: { id: req.id } };
}

export const unsupported = (req: CrmRequest) =>
	trutoError(
		404,
		`The ${integrationFor(req.ctx.integration).label} integration has no ${req.unified} method for ${req.resource}`,
	);
