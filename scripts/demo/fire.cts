/**
 * Creates a lead through the demo sandbox's API. The demo sandbox runs with emitEvents on, so
 * it then delivers a signed lead-created event to every subscription — the template's trigger —
 * and this waits until the workflow has set the owner and created the follow-up task.
 * fireLead does it on Apideck; truto-fire.cts on Truto, through the same routeLead.
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

export interface RoutingResult {
	leadId: string;
	name: string;
	country: string;
	ownerId?: string;
	ownerName?: string;
	task?: { id: string; title?: string };
}

/** A backend's lead API as the demo uses it. */
export interface LeadApi {
	/** Creates the lead; its ID. */
	create(): Promise<string>;
	ownerOf(leadId: string): Promise<string | undefined>;
	taskFor(leadId: string): Promise<{ id: string; title?: string } | undefined>;
}

/** Creates a lead and waits (at most `timeoutMs`) until it has an owner and a task. */
export async function routeLead(
	api: LeadApi,
	lead: { name: string; country: string },
	timeoutMs = 15_000,
): Promise<RoutingResult> {
	const result: RoutingResult = { leadId: await api.create(), ...lead };
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const ownerId = await api.ownerOf(result.leadId);
		const task = await api.taskFor(result.leadId);
		if (ownerId && task) {
			result.ownerId = ownerId;
			result.ownerName = DEMO_OWNERS.find((o) => o.id === ownerId)?.name;
			result.task = task;
			break;
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return result;
}

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

export async function fireLead(
	access: SandboxAccess,
	country?: string,
	timeoutMs?: number,
): Promise<RoutingResult> {
	const body = newLeadBody(country);
	const lead = {
		name: String(body.name),
		country: (body.addresses as Array<{ country: string }>)[0].country,
	};
	const leads: LeadApi = {
		create: async () => (await api<{ id: string }>(access, 'POST', '/crm/leads', body)).id,
		ownerOf: async (id) =>
			(await api<{ owner_id?: string }>(access, 'GET', `/crm/leads/${id}`)).owner_id,
		async taskFor(id) {
			const activities = await api<Array<{ id: string; lead_id?: string; title?: string }>>(
				access,
				'GET',
				'/crm/activities?limit=200&sort[by]=created_at&sort[direction]=desc',
			);
			return activities.find((a) => a.lead_id === id);
		},
	};
	return await routeLead(leads, lead, timeoutMs);
}

export function describeResult(result: RoutingResult): string {
	const head = `lead ${result.leadId} "${result.name}" (country ${result.country})`;
	if (!result.ownerId || !result.task) {
		return `${head}: not routed yet — is the workflow active? See the Executions tab in n8n.`;
	}
	return `${head} → owner ${result.ownerName ?? result.ownerId}; task ${result.task.id} "${result.task.title ?? ''}"`;
}
