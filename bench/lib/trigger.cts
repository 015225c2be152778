/**
 * Per-delivery cost of the trigger's checks, two ways:
 *  - modules: the trigger's own functions on pre-built deliveries, in this process —
 *    JSON.parse of the raw body + isValidSignature + parseDelivery (zod) + whyIgnored, each timed;
 *  - http: whole deliveries POSTed one at a time to the trigger's webhook() behind the test
 *    webhook host (n8n-core's WebhookContext, plus WorkflowExecute when an event starts a run).
 */
import { randomUUID } from 'node:crypto';
import { request } from 'undici';

import { whyIgnored } from '../../nodes/ApideckCrmTrigger/filter';
import { parseDelivery } from '../../nodes/ApideckCrmTrigger/payload';
import { isValidSignature } from '../../nodes/ApideckCrmTrigger/signature';
import { startTriggerHost } from '../../test/helpers/trigger-host.cjs';
import { signBody, startSandbox } from '../../sandbox/apideck/index.cjs';
import { percentile } from './stats.cjs';

const KEY = 'bench-api-key-0123456789';
const ENTITIES = ['lead', 'contact', 'company', 'opportunity', 'activity', 'note'];
const ACTIONS = ['created', 'updated', 'deleted'];
const SELECTED = [
	'crm.lead.created',
	'crm.lead.updated',
	'crm.contact.created',
	'crm.opportunity.updated',
];

function delivery(i: number, key: string) {
	const entity = ENTITIES[i % ENTITIES.length];
	const payload = {
		event_type: `crm.${entity}.${ACTIONS[i % ACTIONS.length]}`,
		unified_api: 'crm',
		service_id: i % 7 === 0 ? 'hubspot' : 'salesforce',
		consumer_id: i % 5 === 0 ? 'other-consumer' : 'test-consumer',
		event_id: randomUUID(),
		entity_id: `${entity}-${i}`,
		entity_url: `https://unify.apideck.com/crm/${entity}s/${entity}-${i}`,
		entity_type: entity,
		occurred_at: new Date(1_767_225_600_000 + i * 1000).toISOString(),
		execution_attempt: 1,
	};
	const body = JSON.stringify({ payload });
	return { body, signature: signBody(body, key), eventId: payload.event_id };
}

export interface Percentiles {
	p50: number;
	p99: number;
	mean: number;
}

const summary = (values: number[]): Percentiles => ({
	p50: percentile(values, 50),
	p99: percentile(values, 99),
	mean: values.reduce((a, b) => a + b, 0) / values.length,
});

export interface ModuleCost {
	total: Percentiles;
	parse: Percentiles;
	signature: Percentiles;
	validation: Percentiles;
	filter: Percentiles;
	passed: number;
	rejected: number;
}

/** Microseconds per delivery through the trigger's checks. */
export function moduleCost(count: number): ModuleCost {
	const deliveries = Array.from({ length: count + 1000 }, (_, i) => delivery(i, KEY));
	const filter = { events: SELECTED, consumerId: 'test-consumer', serviceId: undefined };
	const stages = {
		total: [] as number[],
		parse: [] as number[],
		signature: [] as number[],
		validation: [] as number[],
		filter: [] as number[],
	};
	let passed = 0;
	let rejected = 0;
	deliveries.forEach((d, index) => {
		const t0 = process.hrtime.bigint();
		const body = JSON.parse(d.body) as unknown;
		const t1 = process.hrtime.bigint();
		const signed = isValidSignature(body, d.signature, KEY);
		const t2 = process.hrtime.bigint();
		const parsed = parseDelivery(body);
		const t3 = process.hrtime.bigint();
		const ignored = parsed.kind === 'event' ? whyIgnored(parsed.event, filter) : 'invalid';
		const t4 = process.hrtime.bigint();
		if (index < 1000) return; // warm-up
		if (!signed || parsed.kind !== 'event') throw new Error('a genuine delivery was refused');
		if (ignored) rejected++;
		else passed++;
		const us = (a: bigint, b: bigint) => Number(b - a) / 1000;
		stages.total.push(us(t0, t4));
		stages.parse.push(us(t0, t1));
		stages.signature.push(us(t1, t2));
		stages.validation.push(us(t2, t3));
		stages.filter.push(us(t3, t4));
	});
	return {
		total: summary(stages.total),
		parse: summary(stages.parse),
		signature: summary(stages.signature),
		validation: summary(stages.validation),
		filter: summary(stages.filter),
		passed,
		rejected,
	};
}

export interface HttpCost {
	latency: Percentiles;
	executions: number;
	accepted: number;
	errors: number;
}

/** Milliseconds per delivery, sequentially, over HTTP through the webhook host. */
export async function httpCost(count: number): Promise<HttpCost> {
	const sandbox = await startSandbox({ apiKey: KEY });
	const host = await startTriggerHost({
		credentials: {
			apiKey: KEY,
			appId: sandbox.appId,
			consumerId: 'test-consumer',
			serviceId: '',
			baseUrl: sandbox.url,
		},
		parameters: { events: SELECTED, consumerFilter: 'credential', fetchFullRecord: false },
	});
	try {
		await host.activate();
		await host.idle();
		const deliveries = Array.from({ length: count + 100 }, (_, i) => delivery(i, KEY));
		const latencies: number[] = [];
		let accepted = 0;
		let errors = 0;
		for (const [index, d] of deliveries.entries()) {
			const started = process.hrtime.bigint();
			const response = await request(host.webhookUrl, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'x-apideck-signature': d.signature,
					'x-apideck-idempotency-key': d.eventId,
				},
				body: d.body,
			});
			await response.body.text();
			if (index < 100) continue; // warm-up
			latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
			if (response.statusCode === 200) accepted++;
			else errors++;
		}
		await host.idle();
		return { latency: summary(latencies), executions: host.executions.length, accepted, errors };
	} finally {
		await host.deactivate().catch(() => undefined);
		await host.close();
		await sandbox.close();
	}
}
