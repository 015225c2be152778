/**
 * Creates a lead through the sandbox's Apideck API. The demo sandbox runs with emitEvents on, so
 * it then delivers a signed crm.lead.created to every subscription — the template's trigger —
 * and this waits until the workflow has set the owner and created the follow-up task.
 */
import { DEMO_OWNERS, newLeadBody } from './seed.cjs';

export interface SandboxAccess {
	url: string;
	apiKey: string;
	appId: string;
	consumerId: string;
}

export const DEMO_SANDBOX_DEFAULTS: Omit<SandboxAccess, 'url'> = {
	apiKey: 'sandbox-api-key',
	appId: 'sandbox-app',
	consumerId: 'test-consumer',
};

async function api<T>(access: SandboxAccess, method: string, path: string, body?: unknown) {
	const response = await fetch(access.url + path, {
		method,
		headers: {
			authorization: `Bearer ${access.apiKey}`,
			'x-apideck-app-id': access.appId,
			'x-apideck-consumer-id': access.consumerId,
			...(body ? { 'content-type': 'application/json' } : {}),
		},
		body: body ? JSON.stringify(body) : undefined,
	});
	const json = (await response.json()) as { data: T; message?: string };
	if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${json.message ?? ''}`);
	return json.data;
}

export interface RoutingResult {
	leadId: string;
	name: string;
	country: string;
	ownerId?: string;
	ownerName?: string;
	task?: { id: string; title?: string; owner_id?: string };
}

export async function fireLead(
	access: SandboxAccess,
	country?: string,
	timeoutMs = 15_000,
): Promise<RoutingResult> {
	const body = newLeadBody(country);
	const { id } = await api<{ id: string }>(access, 'POST', '/crm/leads', body);
	const result: RoutingResult = {
		leadId: id,
		name: String(body.name),
		country: (body.addresses as Array<{ country: string }>)[0].country,
	};
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const lead = await api<{ owner_id?: string }>(access, 'GET', `/crm/leads/${id}`);
		const activities = await api<Array<{ id: string; lead_id?: string; title?: string }>>(
			access,
			'GET',
			'/crm/activities?limit=200&sort[by]=created_at&sort[direction]=desc',
		);
		const task = activities.find((a) => a.lead_id === id);
		if (lead.owner_id && task) {
			result.ownerId = lead.owner_id;
			result.ownerName = DEMO_OWNERS.find((o) => o.id === lead.owner_id)?.name;
			result.task = task;
			break;
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return result;
}

export function describeResult(result: RoutingResult): string {
	const head = `lead ${result.leadId} "${result.name}" (country ${result.country})`;
	if (!result.ownerId || !result.task) {
		return `${head}: not routed yet — is the workflow active? See the Executions tab in n8n.`;
	}
	return `${head} → owner ${result.ownerName ?? result.ownerId}; task ${result.task.id} "${result.task.title ?? ''}"`;
}
