/**
 * templates/lead-routing-truto.json, unchanged, inside a real n8n against the Truto sandbox:
 * activation creates a Truto webhook, signed record:created deliveries get the lead its region's
 * owner and a follow-up task (the trigger reads the lead when the event carries only its ID),
 * forged deliveries change nothing, Truto's test event starts nothing, deactivation deletes the
 * webhook.
 */
import { expectedOwner, newTrutoLeadBody } from '../../scripts/demo/seed.cjs';
import type { DemoStack } from '../../scripts/demo/stack.cjs';
import { readTemplate, triggerUrl, TRUTO_TEMPLATE_PATH } from '../../scripts/demo/template.cjs';
import { fireTrutoLead } from '../../scripts/demo/truto-fire.cjs';
import { startTrutoDemoStack } from '../../scripts/demo/truto-stack.cjs';
import type { TrutoSandbox } from '../../sandbox/truto/index.cjs';
import { n8nVersion } from './helpers/n8n-version.cjs';
import { sleep, waitFor } from './helpers/wait.cjs';

jest.setTimeout(15 * 60_000); // the first run may install n8n

let stack: DemoStack<TrutoSandbox>;
let workflowId: string;
let account: string;

beforeAll(async () => {
	stack = await startTrutoDemoStack({ n8n: { version: n8nVersion(), quietInstall: true } });
	workflowId = stack.workflow!.id;
	account = stack.sandbox.accounts.defaultId();
});

afterAll(async () => {
	await stack?.stop();
});

const url = () => triggerUrl(stack.n8n.webhookBaseUrl, TRUTO_TEMPLATE_PATH);
const newLead = (country: string) =>
	String(stack.sandbox.store.insert('leads', newTrutoLeadBody(country), account).id);
const idOf = (ref: unknown) => (ref as { id?: unknown } | undefined)?.id;
const tasksFor = (leadId: string) =>
	stack.sandbox.store
		.list('tasks', account)
		.filter((task) => [task.lead].flat().some((lead) => idOf(lead) === leadId));
const executions = async () => await stack.n8n.rest.listExecutions({ workflowId });
const successfulRuns = async () => (await executions()).filter((e) => e.status === 'success');

/** A record:created event that carries only the lead's ID, as some CRMs' events do. */
const created = (leadId: string) => ({
	event: 'record:created',
	payload: {
		integrated_account_id: account,
		integration: 'hubspot',
		unified_model: 'crm',
		resource: 'leads',
		record: { id: leadId },
	},
});

test('the template has no Code node and its trigger has a fixed webhook ID', () => {
	const template = readTemplate(TRUTO_TEMPLATE_PATH);
	expect(template.nodes.some((n) => /\.code$|\.function(Item)?$/i.test(n.type))).toBe(false);
	const trigger = template.nodes.find((n) => n.type.endsWith('.trutoCrmTrigger'));
	expect(trigger?.webhookId).toMatch(/^[0-9a-f-]{36}$/);
	expect(trigger?.parameters).toMatchObject({
		events: ['record:created'],
		resources: ['leads'],
		fetchFullRecord: true,
	});
	const ours = template.nodes.filter((n) => n.type.startsWith('n8n-nodes-apideck-crm.'));
	expect(new Set(ours.map((n) => n.type))).toEqual(
		new Set(['n8n-nodes-apideck-crm.trutoCrmTrigger', 'n8n-nodes-apideck-crm.trutoCrm']),
	);
});

test('activation creates one Truto webhook for the n8n URL', async () => {
	await stack.n8n.rest.activateWorkflow(workflowId);
	expect(stack.sandbox.webhooks.subscriptions()).toEqual([
		expect.objectContaining({
			target_url: url(),
			event_types: ['record:created'],
			is_active: true,
		}),
	]);
});

test("Truto's test event reaches the trigger, verified, and starts nothing", async () => {
	const [webhook] = stack.sandbox.webhooks.subscriptions();
	const response = await fetch(`${stack.sandbox.url}/webhook/test`, {
		method: 'POST',
		headers: {
			authorization: `Bearer ${stack.sandbox.token}`,
			'content-type': 'application/json',
		},
		body: JSON.stringify({ id: webhook.id }),
	});
	expect(await response.json()).toEqual({ success: true });
	await sleep(1000);
	expect(await executions()).toHaveLength(0);
});

test.each([
	['US', 'demo-owner-americas'],
	['de', 'demo-owner-europe'],
	['JP', 'demo-owner-rest'],
])('a signed record:created from %s gets owner %s and a follow-up task', async (country, owner) => {
	expect(expectedOwner(country).id).toBe(owner);
	const runsBefore = (await successfulRuns()).length;
	const leadId = newLead(country.toUpperCase());
	const [delivery] = await stack.sandbox.webhooks.deliver(created(leadId));
	expect(delivery.status).toBe(200);
	// n8n's own answer, in JSON (not the words "firstEntryJson"; see deliveryWebhook).
	expect(JSON.parse(delivery.body)).toEqual({ message: 'Workflow was started' });

	const lead = await waitFor('the owner', () => {
		const record = stack.sandbox.store.get('leads', leadId, account);
		return idOf(record?.owner) ? record : undefined;
	});
	expect(idOf(lead.owner)).toBe(owner);
	const [task] = await waitFor('the task', () => {
		const tasks = tasksFor(leadId);
		return tasks.length ? tasks : undefined;
	});
	expect(task).toMatchObject({ owner: { id: owner }, status: 'open' });
	expect(String(task.subject)).toContain(String(lead.first_name));
	expect(tasksFor(leadId)).toHaveLength(1);
	const deadline = Date.now() + 10_000;
	while ((await successfulRuns()).length < runsBefore + 1 && Date.now() < deadline)
		await sleep(100);
	expect((await successfulRuns()).length).toBe(runsBefore + 1);
});

test('a lead created through the API, delivered with its whole record, is routed too', async () => {
	stack.sandbox.webhooks.autoEmit = true;
	try {
		const result = await fireTrutoLead(
			{ url: stack.sandbox.url, token: stack.sandbox.token, integratedAccountId: account },
			'FR',
		);
		expect(result).toMatchObject({ ownerId: 'demo-owner-europe', task: expect.any(Object) });
	} finally {
		stack.sandbox.webhooks.autoEmit = false;
	}
});

test('forged, unsigned, tampered and replayed deliveries are refused and change nothing', async () => {
	const runsBefore = (await executions()).length;
	const leadId = newLead('US');
	const event = created(leadId);
	const refused = [
		...(await stack.sandbox.webhooks.deliver(event, { wrongSecret: true })),
		...(await stack.sandbox.webhooks.deliver(event, { omitSignature: true })),
		...(await stack.sandbox.webhooks.deliver(event, { tamper: true })),
	];
	expect(refused.map((r) => r.status)).toEqual([401, 401, 401]);
	const old = await stack.sandbox.webhooks.deliver({
		...event,
		created_at: new Date(Date.now() - 3_600_000).toISOString(),
	});
	expect(old.map((r) => [r.status, JSON.parse(r.body).message])).toEqual([
		[200, expect.stringMatching(/taken for a replay/)],
	]);

	await sleep(1500);
	expect(idOf(stack.sandbox.store.get('leads', leadId, account)?.owner)).toBeUndefined();
	expect(tasksFor(leadId)).toHaveLength(0);
	expect(await executions()).toHaveLength(runsBefore);
});

test('deactivation deletes the webhook on the sandbox and closes the URL', async () => {
	await stack.n8n.rest.deactivateWorkflow(workflowId);
	expect(stack.sandbox.webhooks.subscriptions()).toEqual([]);
	const after = await fetch(url(), {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}',
	});
	expect(after.status).toBe(404);
});
