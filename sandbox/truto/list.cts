// GET /unified/crm/{resource}: filters, then a page of at most limit records (capped by the CRM's
// own page size) with an opaque next_cursor that is null on the last page.
import type { SandboxResponse } from '../http/types.cjs';
import type { CrmDeps, CrmRequest } from './crm.cjs';
import { invalidCursor } from './errors.cjs';
import { applyFilters, LIST_CONTROLS } from './filters.cjs';
import { integrationFor } from './integrations.cjs';
import { present } from './records.cjs';

export function list(deps: CrmDeps, req: CrmRequest): SandboxResponse {
	const { accountId, integration: slug } = req.ctx;
	const integration = integrationFor(slug);
	const listKey = `${accountId}/${req.resource}`;
	let offset = 0;
	if (typeof req.query.next_cursor === 'string' && req.query.next_cursor !== '') {
		const decoded = deps.cursors.decode(listKey, req.query.next_cursor);
		if (decoded === undefined)
			return invalidCursor('it was not issued for this list and integrated account');
		offset = decoded;
	}
	const asked =
		req.query.truto_ignore_limit === 'true'
			? integration.maxPageSize
			: Number(req.query.limit ?? deps.options.defaultLimit);
	const size = Math.min(asked, integration.maxPageSize);

	const filters = Object.fromEntries(
		Object.entries(req.query).filter(
			([name]) => !LIST_CONTROLS.has(name) && name !== 'integrated_account_id',
		),
	);
	const bucket = deps.store.bucket(req.resource, accountId);
	const records = deps.store.view(bucket, JSON.stringify(filters), () =>
		applyFilters(deps.store.ordered(bucket), filters),
	);
	const page = records.slice(offset, offset + size);
	const repeat = !!deps.faults.take(req.method, req.rawPath, (k) => k === 'repeatCursor');
	const next = repeat
		? deps.cursors.encode(listKey, offset)
		: offset + size < records.length
			? deps.cursors.encode(listKey, offset + size)
			: null;
	const shown = page.map((r) => present(req.resource, r, slug, req.query));
	const keyBy = req.query.truto_key_by;
	return {
		status: 200,
		body: {
			result:
				typeof keyBy === 'string' && keyBy
					? Object.fromEntries(shown.map((r) => [String(r[keyBy]), r]))
					: shown,
			next_cursor: next,
			prev_cursor: offset > 0 ? deps.cursors.encode(listKey, Math.max(0, offset - size)) : null,
			result_count: shown.length,
		},
	};
}
