/**
 * One burst of new leads against an active lead-routing stack (scripts/demo/stack.cts, regular
 * or queue mode), shared by test/e2e/queue-mode.test.cts and `npm run bench -- --only
 * lead-routing`: create and deliver the leads (lead-deliveries.cts), wait until every lead has
 * its task and n8n has no execution left running, then check the outcome (routing-check.cts).
 */
import { percentile } from '../../bench/lib/stats.cjs';
import type { DemoStack } from '../demo/stack.cjs';
import {
	fireLeadDeliveries,
	planLeads,
	type DeliveryOutcome,
	type LeadLoadOptions,
	type LeadLoadResult,
} from './lead-deliveries.cjs';
import {
	checkRouting,
	settledExecutions,
	waitForTasks,
	type ExecutionCounts,
	type RoutingReport,
} from './routing-check.cjs';

export interface Percentiles {
	p50: number;
	p99: number;
	max: number;
}

export const percentiles = (values: number[]): Percentiles => ({
	p50: percentile(values, 50),
	p99: percentile(values, 99),
	max: values.length ? Math.max(...values) : NaN,
});

/** The trigger's own 200 answers: a copy it had seen, or an event the trigger does not want. */
const acknowledged = (answer: unknown) => {
	const message = (answer as { message?: unknown } | null)?.message;
	return (
		typeof message === 'string' &&
		(message === 'Event already received' || message.startsWith('Event ignored'))
	);
};

/** A delivery n8n accepted as new: it answered 200 with something other than the trigger's notes. */
export const startedExecution = (d: DeliveryOutcome) => d.status === 200 && !acknowledged(d.answer);

/** How many POSTs got each answer, e.g. `{ "200 started": 1000, "200 Event already received": 100 }`. */
export function answerCounts(deliveries: DeliveryOutcome[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const d of deliveries) {
		const what = startedExecution(d)
			? 'started'
			: d.status === 0
				? (d.error ?? 'no answer')
				: String(
						(d.answer as { message?: unknown } | null)?.message ?? JSON.stringify(d.answer),
					).slice(0, 80);
		const key = `${d.status} ${what}`;
		counts[key] = (counts[key] ?? 0) + 1;
	}
	return counts;
}

export interface LeadBurstResult {
	load: LeadLoadResult;
	/** When the last lead got its task (undefined: some never did). */
	routedAt: number | undefined;
	routing: RoutingReport;
	executions: ExecutionCounts;
	/** Answer times of first deliveries, and of every POST. */
	answers: { first: Percentiles; all: Percentiles };
	/** Leads routed per minute, from the first delivery sent to the last task created. */
	leadsPerMinute: number;
}

export async function runLeadBurst(
	stack: DemoStack,
	options: LeadLoadOptions,
): Promise<LeadBurstResult> {
	const workflowId = stack.workflow?.id;
	if (!workflowId) throw new Error('the stack has no lead-routing workflow');
	const leads = planLeads(stack.sandbox, options.leads);
	const load = await fireLeadDeliveries(stack.sandbox, leads, options);
	const routedAt = await waitForTasks(stack.sandbox, leads);
	const executions = await settledExecutions(stack.n8n.rest, workflowId);
	const routing = checkRouting(stack.sandbox, leads);
	const times = (list: DeliveryOutcome[]) => list.map((d) => d.answerMs);
	const firsts = load.deliveries.filter((d) => d.kind === 'first' && d.attempt === 1);
	const minutes = ((routedAt ?? Date.now()) - load.startedAt) / 60_000;
	return {
		load,
		routedAt,
		routing,
		executions,
		answers: { first: percentiles(times(firsts)), all: percentiles(times(load.deliveries)) },
		leadsPerMinute: routing.routed / minutes,
	};
}
