/**
 * Lead routing in n8n queue mode, under load: PostgreSQL + Redis + n8n main + 2 workers + 1
 * webhook processor (scripts/n8n/queue-mode.cts), the sandbox with the demo owners, and
 * templates/lead-routing.json active. 1,000 signed crm.lead.created deliveries (QUEUE_MODE_LEADS
 * to change), some twice at once and some again later, must route every lead exactly once.
 */
import { startDemoStack, type DemoStack } from '../../scripts/demo/stack.cjs';
import { triggerUrl } from '../../scripts/demo/template.cjs';
import { LEAD_SCOPE, postOtherConsumersEvent } from '../../scripts/load/lead-deliveries.cjs';
import {
	answerCounts,
	runLeadBurst,
	startedExecution,
	type LeadBurstResult,
} from '../../scripts/load/lead-burst.cjs';
import { countExecutions } from '../../scripts/load/routing-check.cjs';
import { n8nVersion } from './helpers/n8n-version.cjs';

jest.setTimeout(60 * 60_000); // a cold n8n install, then a thousand executions on a shared CPU

const LEADS = Number(process.env.QUEUE_MODE_LEADS ?? 1000);
const CONCURRENCY = Number(process.env.QUEUE_MODE_CONCURRENCY ?? 8);
const TRIGGER = 'New Lead';

let stack: DemoStack;
let workflowId: string;
let burst: LeadBurstResult;

beforeAll(async () => {
	stack = await startDemoStack({
		n8n: { version: n8nVersion(), quietInstall: true },
		queueMode: { workers: 2, webhookProcessors: 1 },
	});
	workflowId = stack.workflow!.id;
});

afterAll(async () => {
	await stack?.stop();
});

/** The trigger's static data as the database holds it (what every process loads). */
function triggerStaticData(): Record<string, unknown> {
	const [[json]] = stack.queue!.postgres.query(
		`select "staticData" from workflow_entity where id = '${workflowId}'`,
	);
	const all = (json ? JSON.parse(json) : {}) as Record<string, Record<string, unknown>>;
	return all[`node:${TRIGGER}`] ?? {};
}

/** What a red burst needs to be understood: the leads left out, executions that did not succeed, log errors. */
async function explainShortfall(): Promise<string> {
	const { routing, executions } = burst;
	const notSuccessful = await stack.n8n.rest.listExecutions({
		workflowId,
		status: ['new', 'running', 'waiting', 'crashed', 'canceled'],
	});
	const problems = stack
		.queue!.logs()
		.split('\n')
		.filter((line) => /error|stalled|crash|timed out/i.test(line) && !/migration/i.test(line))
		.slice(-80);
	return [
		`queue mode shortfall: executions ${JSON.stringify(executions)}`,
		`leads without a task: ${routing.noTask.join(', ') || 'none'}; without an owner: ${routing.noOwner.join(', ') || 'none'}`,
		`executions not successful: ${JSON.stringify(notSuccessful.map((e) => ({ id: e.id, status: e.status, startedAt: e.startedAt, mode: e.mode })))}`,
		'log lines that mention a problem:',
		...problems,
		'',
	].join('\n');
}

test('activation on the main process subscribes once, with the webhook processor URL', async () => {
	await stack.n8n.rest.activateWorkflow(workflowId);
	const subscriptions = stack.sandbox.webhooks.subscriptions();
	expect(subscriptions).toHaveLength(1);
	expect(subscriptions[0]).toMatchObject({
		status: 'enabled',
		events: ['crm.lead.created'],
		delivery_url: triggerUrl(stack.webhookBaseUrl),
	});
	// The validation request reached the webhook processor, which answered it.
	expect(stack.sandbox.webhooks.validations).toEqual([
		expect.objectContaining({ ok: true, status: 200 }),
	]);
	expect(triggerStaticData()).toMatchObject({ webhookId: subscriptions[0].id });
});

test('production webhooks are served by the webhook processor only', async () => {
	const onMain = await fetch(triggerUrl(`${stack.n8n.url}/webhook/`), {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}',
	});
	expect(onMain.status).toBe(404);
	const forged = await fetch(triggerUrl(stack.webhookBaseUrl), {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}',
	});
	expect(forged.status).toBe(401); // reached the trigger, which refused the unsigned body
});

describe(`${LEADS} signed lead deliveries, ${CONCURRENCY} at a time, some twice`, () => {
	beforeAll(async () => {
		burst = await runLeadBurst(stack, { leads: LEADS, concurrency: CONCURRENCY });
		const { answers, leadsPerMinute, load } = burst;
		process.stderr.write(
			`queue mode: ${LEADS} leads, ${load.deliveries.length} POSTs; ${leadsPerMinute.toFixed(0)} leads/min; first answers p50 ${answers.first.p50.toFixed(0)} ms, p99 ${answers.first.p99.toFixed(0)} ms, max ${answers.first.max.toFixed(0)} ms; answers ${JSON.stringify(answerCounts(load.deliveries))}\n`,
		);
		if (burst.routing.routed !== LEADS || burst.executions.success !== LEADS) {
			process.stderr.write(await explainShortfall());
		}
	});

	test('the burst has concurrent and later duplicates', () => {
		const kinds = new Set(burst.load.deliveries.map((d) => d.kind));
		expect([...kinds].sort()).toEqual(['concurrent duplicate', 'first', 'later duplicate']);
	});

	test('every event got a 2xx answer (retried like Apideck when not)', () => {
		const answered = new Set(
			burst.load.deliveries.filter((d) => d.status >= 200 && d.status < 300).map((d) => d.eventId),
		);
		const unanswered = burst.load.leads.filter((l) => !answered.has(l.eventId));
		expect(unanswered.map((l) => l.leadId)).toEqual([]);
	});

	test('no event was accepted twice; every other answered copy was refused as already received', () => {
		const started = new Map<string, number>();
		for (const d of burst.load.deliveries.filter(startedExecution)) {
			started.set(d.eventId, (started.get(d.eventId) ?? 0) + 1);
		}
		expect([...started].filter(([, n]) => n > 1)).toEqual([]);
		const refused = burst.load.deliveries.filter((d) => d.status === 200 && !startedExecution(d));
		expect(refused.length).toBeGreaterThan(0);
		expect(new Set(refused.map((d) => JSON.stringify(d.answer)))).toEqual(
			new Set([JSON.stringify({ message: 'Event already received' })]),
		);
	});

	test('every lead got its region owner and exactly one follow-up task: 0 lost, 0 twice', () => {
		expect(burst.routedAt).toBeDefined();
		expect(burst.routing).toEqual({
			leads: LEADS,
			routed: LEADS,
			noOwner: [],
			wrongOwner: [],
			noTask: [],
			duplicateTasks: [],
			taskForWrongOwner: [],
			tasks: LEADS,
		});
	});

	test('n8n recorded one successful execution per lead and nothing else', async () => {
		// Failed executions are named with their error, so a red run says what went wrong.
		const failed = await stack.n8n.rest.listExecutions({ workflowId, status: ['error'] });
		const errors = await Promise.all(
			failed.map(async ({ id }) => {
				const { resultData } = (await stack.n8n.rest.getExecution(id)).data;
				return `${resultData.lastNodeExecuted ?? '?'}: ${resultData.error?.message ?? '?'} ${resultData.error?.description ?? ''}`;
			}),
		);
		expect(errors).toEqual([]);
		expect(burst.executions).toEqual({
			success: LEADS,
			error: 0,
			crashed: 0,
			canceled: 0,
			unfinished: 0,
		});
	});

	test('both workers ran executions; the main process ran none', () => {
		const ran = (logs: string) => (logs.match(/Worker finished execution/g) ?? []).length;
		const perWorker = stack.queue!.workers.map((w) => ran(w.logs()));
		expect(perWorker.every((n) => n > 0)).toBe(true);
		expect(perWorker.reduce((a, b) => a + b, 0)).toBe(LEADS);
	});

	test('the duplicate list reaches the database with a delivery that starts nothing', async () => {
		// n8n 2.x saves no static data for a delivery that starts a workflow; an event of another
		// consumer is ignored, and that request carries every key the process has seen.
		const answer = await postOtherConsumersEvent(stack.sandbox, triggerUrl(stack.webhookBaseUrl));
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body).message).toMatch(/^Event ignored/);
		const saved = triggerStaticData().recentEvents as string[];
		const burstEvents = new Set(burst.load.leads.map((lead) => lead.eventId));
		expect(saved).toHaveLength(100);
		expect(saved.filter((key) => !burstEvents.has(key))).toEqual([]);
	});

	test('the subscription state is intact across processes', () => {
		const subscriptions = stack.sandbox.webhooks.subscriptions();
		expect(subscriptions).toHaveLength(1);
		expect(triggerStaticData()).toMatchObject({
			webhookId: subscriptions[0].id,
			webhookUrl: triggerUrl(stack.webhookBaseUrl),
		});
	});
});

test('deactivation leaves no subscription, no webhook, and no new execution', async () => {
	await stack.n8n.rest.deactivateWorkflow(workflowId);
	expect(stack.sandbox.webhooks.subscriptions()).toEqual([]);
	expect(triggerStaticData().webhookId).toBeUndefined();
	const lead = stack.sandbox.store.insert('leads', { name: 'After deactivation' }, LEAD_SCOPE);
	const after = await fetch(triggerUrl(stack.webhookBaseUrl), {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ payload: { event_type: 'crm.lead.created', entity_id: lead.id } }),
	});
	expect(after.status).toBe(404);
	expect((await countExecutions(stack.n8n.rest, workflowId)).success).toBe(LEADS);
});
