import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ApiFunctions } from '../core';
import { fetchPage } from '../core';
import type { TrutoRequest } from './backend';
import { truto } from './backend';
import { trutoSettings } from './settings';

/**
 * Adds `integrated_account_id` to a unified call (`/unified/…`): the request's own account, else
 * the credential's default. Truto has no header form of it. Admin calls are left as they are.
 */
export async function withIntegratedAccount<Request extends TrutoRequest>(
	ctx: ApiFunctions,
	request: Request,
): Promise<Request> {
	if (!request.path.startsWith('/unified/')) return request;
	const own = String(request.integratedAccountId ?? '').trim();
	const id = own || (await trutoSettings(ctx)).integratedAccountId;
	if (!id) {
		const item = request.itemIndex === undefined ? '' : ` (item ${request.itemIndex})`;
		throw new NodeOperationError(ctx.getNode(), `No integrated account to call${item}`, {
			itemIndex: request.itemIndex,
			description:
				'Choose an Integrated Account in the node, or set a default Integrated Account ID in the Truto credential.',
		});
	}
	// First in the query string for readable logs; the account chosen here always wins.
	const query: IDataObject = { integrated_account_id: id, ...request.query };
	query.integrated_account_id = id;
	return { ...request, query };
}

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/** How an integrated account is shown in a list: its CRM, your tenant ID and any status problem. */
export function integratedAccountLabel(account: IDataObject): string {
	const integration = (account.integration ?? {}) as IDataObject;
	const crm = text(integration.name) || 'unknown CRM';
	const tenant = text(account.tenant_id);
	const status = text(account.status);
	const notes = [
		status && status !== 'active' ? status : '',
		account.is_sandbox === true ? 'sandbox' : '',
	].filter(Boolean);
	return `${crm}${tenant ? ` · ${tenant}` : ''}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

/**
 * A "From List" picker of the integrated accounts of the token's environment (labelled by CRM,
 * tenant and status), searched here by part of the label or the ID.
 */
export async function searchIntegratedAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await fetchPage(
		this,
		truto,
		{ method: 'GET', path: '/integrated-account' },
		paginationToken,
		100,
	);
	const needle = (filter ?? '').trim().toLowerCase();
	const results = page.records
		.map((account) => ({ name: integratedAccountLabel(account), value: text(account.id) }))
		.filter(
			(item) =>
				item.value &&
				(!needle ||
					item.name.toLowerCase().includes(needle) ||
					item.value.toLowerCase().includes(needle)),
		);
	return { results, paginationToken: page.next };
}
