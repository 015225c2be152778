import { notFound, validationError } from './errors.cjs';
import type { ApideckFaults } from './faults.cjs';
import { applyFilter, applySort, parseListOptions, pickFields } from './filters.cjs';
import { type Cursors, page, parseCursor, parseLimit } from './pagination.cjs';
import { RESOURCES, type ResourceDef } from './resources.cjs';
import type { CrmStore, StoreScope } from './store.cjs';
import { isObject } from '../http/types.cjs';
import type { CallContext, JsonObject, SandboxResponse } from './types.cjs';
import { invalidParams } from './validate.cjs';

export interface CrmChange {
	entity: string;
	resource: string;
	action: 'created' | 'updated' | 'deleted';
	id: string;
	ctx: CallContext;
}

export interface CrmDeps {
	store: CrmStore;
	cursors: Cursors;
	faults: ApideckFaults;
	/** Public base URL of the sandbox (for links). */
	url: string;
	onChange?: (change: CrmChange) => void;
}

export interface CrmRequest {
	method: string;
	/** Decoded path segments after /crm. */
	segments: string[];
	rawPath: string;
	rawQuery: string;
	query: JsonObject;
	body: unknown;
	ctx: CallContext;
}

/** Handles the 53 CRM operations; undefined means no such route. */
export function handleCrm(deps: CrmDeps, req: CrmRequest): SandboxResponse | undefined {
	const [name, first, second, ...rest] = req.segments;
	if (rest.length || !RESOURCES[name] || name === 'list-members') return undefined;
	const scope: StoreScope = { consumerId: req.ctx.consumerId, serviceId: req.ctx.serviceId };

	if (name === 'lists' && second === 'members') {
		if (req.method !== 'GET') return undefined;
		if (!deps.store.bucket('lists', scope).records.has(first)) return notFound('list', first);
		return list(deps, req, RESOURCES['list-members'], { ...scope, listId: first });
	}
	if (name === 'custom-objects') {
		if (first === undefined) return undefined;
		if (!deps.store.bucket('custom-object-schemas', scope).records.has(first)) {
			return notFound('custom object schema', first);
		}
		return item(deps, req, RESOURCES[name], { ...scope, objectId: first }, second);
	}
	if (second !== undefined) return undefined;
	return item(deps, req, RESOURCES[name], scope, first);
}

function item(
	deps: CrmDeps,
	req: CrmRequest,
	def: ResourceDef,
	scope: StoreScope,
	id: string | undefined,
) {
	const writable = def.writable;
	if (id === undefined) {
		if (req.method === 'GET') return list(deps, req, def, scope);
		if (req.method === 'POST' && writable) return create(deps, req, def, scope);
		return undefined;
	}
	if (req.method === 'GET') return getOne(req, deps, def, scope, id);
	if (req.method === 'PATCH' && writable) return update(deps, req, def, scope, id);
	if (req.method === 'DELETE' && writable) return remove(deps, req, def, scope, id);
	return undefined;
}

function envelope(req: CrmRequest, def: ResourceDef, operation: string, status = 200): JsonObject {
	return {
		status_code: status,
		status: status === 201 ? 'Created' : 'OK',
		service: req.ctx.serviceId,
		resource: def.name,
		operation,
	};
}

function withRaw(req: CrmRequest, body: JsonObject, downstream: unknown): JsonObject {
	if (req.query.raw === 'true')
		body._raw = { sandbox: true, service: req.ctx.serviceId, downstream };
	return body;
}

function list(
	deps: CrmDeps,
	req: CrmRequest,
	def: ResourceDef,
	scope: StoreScope,
): SandboxResponse {
	const limit = parseLimit(req.query);
	if (!limit.ok) return limit.error;
	const options = parseListOptions(def, req.query);
	if (!options.ok) return options.error;
	const listKey = [def.name, scope.objectId ?? scope.listId ?? ''].join('/');
	const cursor = parseCursor(deps.cursors, listKey, req.query);
	if (!cursor.ok) return cursor.error;

	const bucket = deps.store.bucket(def.name, scope);
	const { filter, sort, fields } = options.value;
	const records = deps.store.view(bucket, JSON.stringify([filter, sort]), () =>
		applySort(applyFilter(deps.store.ordered(bucket), filter), sort),
	);
	const repeatCursor = !!deps.faults.take(req.method, req.rawPath, (k) => k === 'repeatCursor');
	const result = page({
		records,
		offset: cursor.value,
		limit: limit.value,
		cursors: deps.cursors,
		list: listKey,
		url: `${deps.url}${req.rawPath}`,
		rawQuery: req.rawQuery,
		repeatCursor,
	});
	const data = result.data.map((r) => pickFields(r, fields));
	return {
		status: 200,
		body: withRaw(
			req,
			{ ...envelope(req, def, 'all'), data, meta: result.meta, links: result.links },
			result.data,
		),
	};
}

function getOne(
	req: CrmRequest,
	deps: CrmDeps,
	def: ResourceDef,
	scope: StoreScope,
	id: string,
): SandboxResponse {
	const record = deps.store.bucket(def.name, scope).records.get(id);
	if (!record) return notFound(def.entity, id);
	const options = parseListOptions(
		{ ...def, filters: Object.keys(isObject(req.query.filter) ? req.query.filter : {}) },
		req.query,
	);
	if (!options.ok) return options.error;
	return {
		status: 200,
		body: withRaw(
			req,
			{ ...envelope(req, def, 'one'), data: pickFields(record, options.value.fields) },
			record,
		),
	};
}

/** The record fields of a write; pass_through is meant for the downstream API, not stored. */
function writeBody(req: CrmRequest): JsonObject | undefined {
	if (!isObject(req.body)) return undefined;
	const body = { ...req.body };
	delete body.pass_through;
	return body;
}

const notAnObject = () => validationError('Request body must be a JSON object');

/**
 * The spec's required fields must be in every write: Apideck's update bodies use the same
 * schemas as its creates, so a PATCH without a lead's name is refused like a POST.
 */
function missingRequired(def: ResourceDef, body: JsonObject): SandboxResponse | undefined {
	const missing = def.required.filter((field) => {
		const value = body[field];
		return (
			value === undefined ||
			value === null ||
			value === '' ||
			(Array.isArray(value) && !value.length)
		);
	});
	if (!missing.length) return undefined;
	return validationError(`Missing required ${missing.join(', ')}`, {
		missing: missing.map((f) => ({ [f]: 'required' })),
	});
}

/** Why a write body is refused (a required field missing, an invalid value), if it is. */
const refusal = (def: ResourceDef, body: JsonObject) =>
	missingRequired(def, body) ?? invalidParams(body);

function create(
	deps: CrmDeps,
	req: CrmRequest,
	def: ResourceDef,
	scope: StoreScope,
): SandboxResponse {
	const body = writeBody(req);
	if (!body) return notAnObject();
	const refused = refusal(def, body);
	if (refused) return refused;
	const record = deps.store.create(def.name, body, scope);
	const id = record.id as string;
	if (def.events)
		deps.onChange?.({
			entity: def.entity,
			resource: def.name,
			action: 'created',
			id,
			ctx: req.ctx,
		});
	return {
		status: 201,
		body: withRaw(req, { ...envelope(req, def, 'add', 201), data: { id } }, record),
	};
}

function update(
	deps: CrmDeps,
	req: CrmRequest,
	def: ResourceDef,
	scope: StoreScope,
	id: string,
): SandboxResponse {
	if (!deps.store.bucket(def.name, scope).records.has(id)) return notFound(def.entity, id);
	const body = writeBody(req);
	if (!body) return notAnObject();
	const refused = refusal(def, body);
	if (refused) return refused;
	const record = deps.store.patch(def.name, id, body, scope)!;
	if (def.events)
		deps.onChange?.({
			entity: def.entity,
			resource: def.name,
			action: 'updated',
			id,
			ctx: req.ctx,
		});
	return {
		status: 200,
		body: withRaw(req, { ...envelope(req, def, 'update'), data: { id } }, record),
	};
}

function remove(
	deps: CrmDeps,
	req: CrmRequest,
	def: ResourceDef,
	scope: StoreScope,
	id: string,
): SandboxResponse {
	if (!deps.store.remove(def.name, id, scope)) return notFound(def.entity, id);
	if (def.events)
		deps.onChange?.({
			entity: def.entity,
			resource: def.name,
			action: 'deleted',
			id,
			ctx: req.ctx,
		});
	return {
		status: 200,
		body: withRaw(req, { ...envelope(req, def, 'delete'), data: { id } }, { id }),
	};
}
