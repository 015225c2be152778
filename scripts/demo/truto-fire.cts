/**
 * Creates a lead through the Truto demo sandbox's unified API, in the credential's integrated
 * account, and waits until the workflow has routed it (see fire.cts).
 */
import { DEFAULT_ACCOUNTS } from '../../sandbox/truto/index.cjs';
import type { LeadApi, RoutingResult } from './fire.cjs';
import { routeLead } from './fire.cjs';
import { newTrutoLeadBody } from './seed.cjs';

export interface TrutoAccess {
	url: string;
	token: string;
	integratedAccountId: string;
}

/** The demo Truto sandbox's token and first integrated account (sandbox/truto defaults). */
export const TRUTO_SANDBOX_DEFAULTS: Omit<TrutoAccess, 'url'> = {
	token: 'truto-sandbox-token',
	integratedAccountId: String(DEFAULT_ACCOUNTS[0].id),
};

type Json = Record<string, unknown>;

async function call<T>(access: TrutoAccess, method: string, path: string, body?: unknown) {
	const sep = path.includes('?') ? '&' : '?';
	const url = `${access.url}/unified/crm/${path}${sep}integrated_account_id=${access.integratedAccountId}`;
	const response = await fetch(url, {
		method,
		headers: {
			authorization: `Bearer ${access.token}`,
			...(body ? { 'content-type': 'application/json' } : {}),
		},
		body: body ? JSON.stringify(body) : undefined,
	});
	const json = (await response.json()) as T & { message?: string };
	if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${json.message ?? ''}`);
	return json;
}

const idOf = (ref: unknown) => (ref as { id?: unknown } | undefined)?.id;

/** The tasks linked to the lead, newest first. */
async function tasksFor(access: TrutoAccess, leadId: string): Promise<Json[]> {
	const tasks: Json[] = [];
	let cursor: string | undefined;
	do {
		const page = await call<{ result: Json[]; next_cursor?: string | null }>(
			access,
			'GET',
			`tasks?limit=100${cursor ? `&next_cursor=${encodeURIComponent(cursor)}` : ''}`,
		);
		tasks.push(...page.result.filter((t) => [t.lead].flat().some((l) => idOf(l) === leadId)));
		cursor = page.next_cursor ?? undefined;
	} while (cursor);
	return tasks;
}

export async function fireTrutoLead(
	access: TrutoAccess,
	country?: string,
	timeoutMs?: number,
): Promise<RoutingResult> {
	const body = newTrutoLeadBody(country);
	const lead = {
		name: `${String(body.first_name)} ${String(body.last_name)}`,
		country: (body.addresses as Array<{ country: string }>)[0].country,
	};
	const leads: LeadApi = {
		create: async () => String((await call<Json>(access, 'POST', 'leads', body)).id),
		ownerOf: async (id) => {
			const owner = idOf(
				(await call<Json>(access, 'GET', `leads/${encodeURIComponent(id)}`)).owner,
			);
			return owner === undefined ? undefined : String(owner);
		},
		async taskFor(id) {
			const [task] = await tasksFor(access, id);
			return task && { id: String(task.id), title: String(task.subject ?? '') };
		},
	};
	return await routeLead(leads, lead, timeoutMs);
}
