// GET /integrated-account (paged, filters tenant_id / environment_id / is_sandbox) and
// GET /integrated-account/{id}.
import type { Cursors } from '../http/cursors.cjs';
import type { JsonObject, SandboxResponse } from '../http/types.cjs';
import type { Accounts } from './accounts.cjs';
import { adminPage, whereEquals } from './admin-list.cjs';
import { badRequest, trutoError } from './errors.cjs';

export function handleAccountApi(
	accounts: Accounts,
	cursors: Cursors,
	method: string,
	segments: string[],
	query: JsonObject,
): SandboxResponse | undefined {
	if (method !== 'GET' || segments.length > 1) return undefined;
	const [id] = segments;
	if (id !== undefined) {
		const record = accounts.get(id);
		return record && record.id === id
			? { status: 200, body: record }
			: trutoError(404, `No integrated account ${id} in this environment`);
	}
	if (query.is_sandbox !== undefined && !['true', 'false'].includes(String(query.is_sandbox)))
		return badRequest('is_sandbox must be true or false');
	const records = whereEquals(accounts.all(), query, ['tenant_id', 'environment_id', 'is_sandbox']);
	return adminPage(records, query, cursors, 'integrated-accounts');
}
