// The methods beyond CRUD: merge and batch-delete (accounts, contacts) answer { result }, and
// associations (create only) links records to one record.
import { isObject, own, type JsonObject, type SandboxResponse } from '../http/types.cjs';
import { answer, type CrmDeps, type CrmRequest, recordNotFound, unsupported } from './crm.cjs';
import { badRequest, trutoError } from './errors.cjs';
import { integrationFor } from './integrations.cjs';
import { queryArray } from './validate.cjs';

export function customMethod(deps: CrmDeps, req: CrmRequest): SandboxResponse {
	if (req.unified === 'merge') return merge(deps, req);
	if (req.unified === 'batch-delete') return batchDelete(deps, req);
	return associate(deps, req);
}

const has = (deps: CrmDeps, req: CrmRequest, resource: string, id: string) =>
	deps.store.bucket(resource, req.ctx.accountId).records.has(id);

interface MergeBody {
	master_record: { id: string };
	duplicate_records: { id: string; fields: { name: string }[] }[];
}

function merge(deps: CrmDeps, req: CrmRequest): SandboxResponse {
	const integration = integrationFor(req.ctx.integration);
	if (!integration.merge) return unsupported(req);
	const body = req.body as MergeBody;
	const masterId = body.master_record.id;
	const duplicates = body.duplicate_records;
	if (integration.maxMergeDuplicates && duplicates.length > integration.maxMergeDuplicates)
		return badRequest(
			`${integration.label} merges at most ${integration.maxMergeDuplicates} duplicate_records at a time`,
		);
	if (duplicates.some((d) => d.id === masterId))
		return badRequest('duplicate_records must not contain the master_record');
	for (const id of [masterId, ...duplicates.map((d) => d.id)]) {
		if (!has(deps, req, req.resource, id)) return recordNotFound(req, req.resource, id);
	}
	const bucket = deps.store.bucket(req.resource, req.ctx.accountId);
	const taken: JsonObject = {};
	for (const duplicate of duplicates) {
		const record = bucket.records.get(duplicate.id)!;
		for (const { name } of duplicate.fields)
			if (record[name] !== undefined) taken[name] = record[name];
		deps.store.remove(req.resource, duplicate.id, req.ctx.accountId);
	}
	const master = deps.store.patch(req.resource, masterId, taken, req.ctx.accountId)!;
	const shown = answer(req, master);
	deps.onChange?.({ action: 'updated', resource: req.resource, record: shown, ctx: req.ctx });
	for (const { id } of duplicates)
		deps.onChange?.({ action: 'deleted', resource: req.resource, record: { id }, ctx: req.ctx });
	return { status: 200, body: { result: shown } };
}

function batchDelete(deps: CrmDeps, req: CrmRequest): SandboxResponse {
	const integration = integrationFor(req.ctx.integration);
	if (!integration.batchDelete) return unsupported(req);
	const inBody = ((req.body as JsonObject).id as unknown[]).map(String);
	const inQuery = (queryArray(req.query.id) as unknown[] | undefined)?.map(String);
	if (integration.batchDelete === 'query' && !inQuery?.length)
		return badRequest(`${integration.label} needs the ids in the query as well: id[]=…`, {
			insight: {
				conditionally_required_query_parameters: {
					description: `${integration.label} reads the ids to delete from the query string.`,
					value: ['id'],
				},
			},
		});
	if (inQuery?.length && [...new Set(inQuery)].sort().join() !== [...new Set(inBody)].sort().join())
		return badRequest('The ids in the query and in the body name different records');
	const unknown = inBody.find((id) => !has(deps, req, req.resource, id));
	if (unknown !== undefined) return recordNotFound(req, req.resource, unknown);
	for (const id of inBody) {
		deps.store.remove(req.resource, id, req.ctx.accountId);
		deps.onChange?.({ action: 'deleted', resource: req.resource, record: { id }, ctx: req.ctx });
	}
	return { status: 200, body: { result: inBody.map((id) => ({ id, deleted: true })) } };
}

const LINKABLE: Record<string, string> = {
	account: 'accounts',
	accounts: 'accounts',
	acocunts: 'accounts', // the reference's spelling, accepted as well
	contact: 'contacts',
	contacts: 'contacts',
	lead: 'leads',
	leads: 'leads',
	opportunity: 'opportunities',
	opportunities: 'opportunities',
};

function associate(deps: CrmDeps, req: CrmRequest): SandboxResponse {
	const body = req.body as JsonObject;
	const entity = own(LINKABLE, String(body.entity ?? ''));
	if (!entity || typeof body.entity_id !== 'string')
		return badRequest(
			'entity (accounts, contacts, leads or opportunities) and entity_id are required',
		);
	if (!has(deps, req, entity, body.entity_id)) return recordNotFound(req, entity, body.entity_id);
	const links: Record<string, { id: string }[]> = {};
	for (const [key, refs] of Object.entries(isObject(body.associations) ? body.associations : {})) {
		const resource = own(LINKABLE, key);
		if (!resource || !Array.isArray(refs)) continue; // unknown keys pass only with unknownFields 'ignore'
		for (const ref of refs as { id?: string }[]) {
			if (!ref.id || !has(deps, req, resource, ref.id))
				return recordNotFound(req, resource, String(ref.id ?? '(no id)'));
			(links[resource] ??= []).push({ id: ref.id });
		}
	}
	if (!Object.keys(links).length)
		return trutoError(400, 'associations must link at least one record');
	const record = deps.store.create(
		'associations',
		{
			entity_id: body.entity_id,
			entity: body.entity,
			associations: links,
			remote_data: body.remote_data,
		},
		req.ctx.accountId,
	);
	return { status: deps.options.createStatus, body: answer(req, record) };
}
