/**
 * A burst of new leads for the lead-routing template, the way Apideck delivers them: each lead is
 * created in the sandbox's store (spread evenly over the template's three regions), then a signed
 * `crm.lead.created` goes to the template's subscription, `concurrency` deliveries at a time. Some events
 * come twice: a share at the same moment (two POSTs together), a share again once the burst is
 * over (Apideck's redelivery, a later `execution_attempt`, same event ID). A delivery that is not
 * answered 2xx in time is delivered again after a growing pause, as Apideck schedules retries
 * (its pauses are longer), up to `maxAttempts` times.
 *
 * Every POST is timed from send to the end of the answer (the "answer time").
 */
import { randomUUID } from 'node:crypto';

import { postJson, type PostResult } from '../../sandbox/http/http-post.cjs';
import type { Sandbox } from '../../sandbox/apideck/index.cjs';
import { expectedOwner, newLeadBody, type DemoOwner } from '../demo/seed.cjs';
import { sleep } from '../n8n/managed-process.cjs';

export const LEAD_SCOPE = { consumerId: 'test-consumer', serviceId: 'salesforce' };

/**
 * Posts a signed crm.lead.created of another consumer to `url`. The template's trigger ignores it:
 * a request that starts no workflow, whose static data n8n 2.x does save.
 */
export async function postOtherConsumersEvent(sandbox: Sandbox, url: string): Promise<PostResult> {
	const { body, headers } = sandbox.webhooks.buildDelivery({
		event_type: 'crm.lead.created',
		entity_id: 'not-ours',
		consumer_id: 'another-consumer',
		service_id: LEAD_SCOPE.serviceId,
	});
	return await postJson(url, body, headers, 30_000);
}

/** Countries of each region the template routes (see expectedOwner), used round-robin. */
const COUNTRIES: Record<DemoOwner['region'], string[]> = {
	Americas: ['US', 'CA', 'BR', 'MX', 'AR'],
	Europe: ['DE', 'FR', 'IE', 'NL', 'ES'],
	'Rest of World': ['JP', 'IN', 'AU', 'ZA', 'SG'],
};
const REGIONS = Object.keys(COUNTRIES) as Array<DemoOwner['region']>;

export interface LeadLoadOptions {
	leads: number;
	/** Deliveries in flight at once (a concurrent duplicate counts twice). */
	concurrency: number;
	/** Every n-th event is delivered twice at the same moment (0 = never). */
	concurrentDuplicateEvery?: number;
	/** Every n-th event is delivered again after the burst (0 = never). */
	laterDuplicateEvery?: number;
	/** Attempts per delivery when the answer is not 2xx (Apideck retries). */
	maxAttempts?: number;
	/** Pause before the first retry; doubled for each next one. */
	retryDelayMs?: number;
	/** How long a delivery waits for n8n's answer before it counts as failed (default 10 s). */
	answerTimeoutMs?: number;
}

export interface PlannedLead {
	leadId: string;
	eventId: string;
	country: string;
	ownerId: string;
}

export type DeliveryKind = 'first' | 'concurrent duplicate' | 'later duplicate';

export interface DeliveryOutcome {
	leadId: string;
	eventId: string;
	kind: DeliveryKind;
	attempt: number;
	status: number;
	/** n8n's answer (parsed JSON when it is JSON). */
	answer: unknown;
	error?: string;
	sentAt: number;
	answerMs: number;
}

export interface LeadLoadResult {
	leads: PlannedLead[];
	deliveries: DeliveryOutcome[];
	startedAt: number;
	/** When the last delivery (including later duplicates and retries) was answered. */
	finishedAt: number;
}

export function planLeads(sandbox: Sandbox, count: number): PlannedLead[] {
	return Array.from({ length: count }, (_, i) => {
		const region = REGIONS[i % REGIONS.length];
		const countries = COUNTRIES[region];
		const country = countries[Math.floor(i / REGIONS.length) % countries.length];
		const owner = expectedOwner(country);
		if (owner.region !== region) throw new Error(`${country} is not in ${region}`);
		const lead = sandbox.store.insert('leads', newLeadBody(country), LEAD_SCOPE);
		return { leadId: String(lead.id), eventId: randomUUID(), country, ownerId: owner.id };
	});
}

const parse = (text: string): unknown => {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
};

/** The one subscription that gets crm.lead.created (the template's trigger). */
function leadSubscriptionUrl(sandbox: Sandbox): string {
	const targets = sandbox.webhooks
		.subscriptions()
		.filter((w) => w.status === 'enabled' && w.events.includes('crm.lead.created'));
	if (targets.length !== 1) {
		throw new Error(
			`expected one enabled crm.lead.created subscription in the sandbox, found ${targets.length}`,
		);
	}
	return targets[0].delivery_url;
}

async function deliverOnce(
	sandbox: Sandbox,
	lead: PlannedLead,
	kind: DeliveryKind,
	attempt: number,
	timeoutMs: number,
): Promise<DeliveryOutcome> {
	const { body, headers } = sandbox.webhooks.buildDelivery({
		event_type: 'crm.lead.created',
		entity_id: lead.leadId,
		event_id: lead.eventId,
		...LEAD_SCOPE,
		execution_attempt: attempt,
	});
	const sentAt = performance.now();
	const result = await postJson(leadSubscriptionUrl(sandbox), body, headers, timeoutMs);
	const answerMs = performance.now() - sentAt;
	return {
		leadId: lead.leadId,
		eventId: lead.eventId,
		kind,
		attempt,
		status: result.status,
		answer: parse(result.body),
		error: result.error,
		sentAt: performance.timeOrigin + sentAt,
		answerMs,
	};
}

/** Delivers until answered 2xx or out of attempts; every attempt is recorded. */
async function deliver(
	sandbox: Sandbox,
	lead: PlannedLead,
	kind: DeliveryKind,
	firstAttempt: number,
	retry: { maxAttempts: number; delayMs: number; timeoutMs: number },
	out: DeliveryOutcome[],
): Promise<void> {
	for (let n = 0; n < retry.maxAttempts; n++) {
		if (n > 0) await sleep(retry.delayMs * 2 ** (n - 1));
		const outcome = await deliverOnce(sandbox, lead, kind, firstAttempt + n, retry.timeoutMs);
		out.push(outcome);
		if (outcome.status >= 200 && outcome.status < 300) return;
	}
}

/** Runs `jobs` with at most `limit` slots taken at once (a job may take several). */
async function pool<T>(
	items: T[],
	limit: number,
	slots: (item: T) => number,
	run: (item: T) => Promise<void>,
): Promise<void> {
	let next = 0;
	let free = limit;
	let wake: (() => void) | undefined;
	const running = new Set<Promise<void>>();
	while (next < items.length) {
		const item = items[next];
		const need = Math.min(slots(item), limit);
		while (free < need) await new Promise<void>((resolve) => (wake = resolve));
		next++;
		free -= need;
		const job = run(item).finally(() => {
			free += need;
			running.delete(job);
			wake?.();
		});
		running.add(job);
	}
	await Promise.all(running);
}

export async function fireLeadDeliveries(
	sandbox: Sandbox,
	leads: PlannedLead[],
	options: LeadLoadOptions,
): Promise<LeadLoadResult> {
	const concurrentEvery = options.concurrentDuplicateEvery ?? 20;
	const laterEvery = options.laterDuplicateEvery ?? 20;
	const retry = {
		maxAttempts: options.maxAttempts ?? 5,
		delayMs: options.retryDelayMs ?? 2000,
		timeoutMs: options.answerTimeoutMs ?? 10_000,
	};
	const twice = (i: number) => concurrentEvery > 0 && i % concurrentEvery === 7 % concurrentEvery;
	const again = (i: number) => laterEvery > 0 && i % laterEvery === 13 % laterEvery;
	const deliveries: DeliveryOutcome[] = [];
	const startedAt = Date.now();
	const indexed = leads.map((lead, i) => ({ lead, i }));

	await pool(
		indexed,
		options.concurrency,
		({ i }) => (twice(i) ? 2 : 1),
		async ({ lead, i }) => {
			const copies = twice(i) ? (['first', 'concurrent duplicate'] as const) : (['first'] as const);
			await Promise.all(
				copies.map(async (kind) => await deliver(sandbox, lead, kind, 1, retry, deliveries)),
			);
		},
	);
	const later = indexed.filter(({ i }) => again(i));
	await pool(
		later,
		options.concurrency,
		() => 1,
		async ({ lead }) =>
			await deliver(sandbox, lead, 'later duplicate', retry.maxAttempts + 1, retry, deliveries),
	);
	return { leads, deliveries, startedAt, finishedAt: Date.now() };
}
