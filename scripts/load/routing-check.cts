/**
 * What the lead-routing template left in the sandbox after a burst of deliveries: each lead
 * should have its region's owner and exactly one follow-up task for that owner; and what n8n
 * recorded: one successful execution per lead, nothing else.
 */
import type { Sandbox } from '../../sandbox/apideck/index.cjs';
import type { ExecutionStatus, N8nRestClient } from '../n8n/rest-client.cjs';
import { sleep } from '../n8n/managed-process.cjs';
import { LEAD_SCOPE, type PlannedLead } from './lead-deliveries.cjs';

export interface RoutingReport {
	leads: number;
	/** Right owner and exactly one task for that owner. */
	routed: number;
	/** Lead IDs per problem (empty when all is well). */
	noOwner: string[];
	wrongOwner: string[];
	noTask: string[];
	/** Leads with more than one follow-up task: the workflow ran twice for them. */
	duplicateTasks: string[];
	taskForWrongOwner: string[];
	/** Follow-up tasks created for these leads. */
	tasks: number;
}

export function checkRouting(sandbox: Sandbox, leads: PlannedLead[]): RoutingReport {
	const ids = new Set(leads.map((l) => l.leadId));
	const tasksByLead = new Map<string, Array<Record<string, unknown>>>();
	const activities = sandbox.store
		.list('activities', LEAD_SCOPE)
		.filter((t) => ids.has(String(t.lead_id)));
	for (const task of activities) {
		const leadId = String(task.lead_id);
		tasksByLead.set(leadId, [...(tasksByLead.get(leadId) ?? []), task]);
	}
	const report: RoutingReport = {
		leads: leads.length,
		routed: 0,
		noOwner: [],
		wrongOwner: [],
		noTask: [],
		duplicateTasks: [],
		taskForWrongOwner: [],
		tasks: activities.length,
	};
	for (const lead of leads) {
		const ownerId = sandbox.store.get('leads', lead.leadId, LEAD_SCOPE)?.owner_id;
		const tasks = tasksByLead.get(lead.leadId) ?? [];
		let ok = true;
		const fail = (list: string[]) => {
			list.push(lead.leadId);
			ok = false;
		};
		if (!ownerId) fail(report.noOwner);
		else if (ownerId !== lead.ownerId) fail(report.wrongOwner);
		if (!tasks.length) fail(report.noTask);
		if (tasks.length > 1) fail(report.duplicateTasks);
		if (tasks.some((t) => t.owner_id !== lead.ownerId)) fail(report.taskForWrongOwner);
		if (ok) report.routed++;
	}
	return report;
}

const tasksFor = (sandbox: Sandbox, leads: Set<string>) =>
	sandbox.store.list('activities', LEAD_SCOPE).filter((t) => leads.has(String(t.lead_id))).length;

/**
 * Waits until every lead has at least one task, or nothing changed for `idleMs`; returns when
 * the last of them appeared (epoch ms), or undefined when some never did.
 */
export async function waitForTasks(
	sandbox: Sandbox,
	leads: PlannedLead[],
	idleMs = 60_000,
): Promise<number | undefined> {
	const ids = new Set(leads.map((l) => l.leadId));
	let seen = tasksFor(sandbox, ids);
	let lastChange = Date.now();
	while (seen < ids.size) {
		await sleep(50);
		const now = tasksFor(sandbox, ids);
		if (now !== seen) {
			seen = now;
			lastChange = Date.now();
		} else if (Date.now() - lastChange > idleMs) {
			return undefined;
		}
	}
	return lastChange;
}

export type ExecutionCounts = Record<
	'success' | 'error' | 'crashed' | 'canceled' | 'unfinished',
	number
>;

export async function countExecutions(
	rest: N8nRestClient,
	workflowId: string,
): Promise<ExecutionCounts> {
	const count = async (status: ExecutionStatus[]) =>
		await rest.countExecutions({ workflowId, status });
	const [success, error, crashed, canceled, unfinished] = await Promise.all([
		count(['success']),
		count(['error']),
		count(['crashed']),
		count(['canceled']),
		count(['new', 'running', 'waiting']),
	]);
	return { success, error, crashed, canceled, unfinished };
}

/** Polls until no execution of the workflow is new, running or waiting (or `timeoutMs`). */
export async function settledExecutions(
	rest: N8nRestClient,
	workflowId: string,
	timeoutMs = 120_000,
): Promise<ExecutionCounts> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const counts = await countExecutions(rest, workflowId);
		if (counts.unfinished === 0 || Date.now() > deadline) return counts;
		await sleep(500);
	}
}
