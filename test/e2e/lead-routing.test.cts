/**
 * templates/lead-routing.json, unchanged, inside a real n8n against the sandbox: activation
 * subscribes on the sandbox, signed crm.lead.created deliveries get the lead its region's owner
 * and a follow-up task, forged deliveries change nothing, deactivation unsubscribes.
 */
import { startDemoStack, type DemoStack } from '../../scripts/demo/stack.cjs';
import { expectedOwner, newLeadBody } from '../../scripts/demo/seed.cjs';
import { readTemplate, triggerUrl } from '../../scripts/demo/template.cjs';
import { n8nVersion } from './helpers/n8n-version.cjs';
import { sleep, waitFor } from './helpers/wait.cjs';

jest.setTimeout(15 * 60_000); // the first run may install n8n

let stack: DemoStack;
let workflowId: string;
const scope = { consumerId: 'test-consumer', serviceId: 'salesforce' };

beforeAll(async () => {
	stack = await startDemoStack({ n8n: { version: n8nVersion(), quietInstall: true } });
	workflowId = stack.workflow!.id;
});

afterAll(async () => {
	await stack?.stop();
});

const newLead = (country: string) =>
	String(stack.sandbox.store.insert('leads', newLeadBody(country), scope).id);
const tasksFor = (leadId: string) =>
	stack.sandbox.store.list('activities', scope).filter((a) => a.lead_id === leadId);
const successfulRuns = async () =>
	(await stack.n8n.rest.listExecutions({ workflowId })).filter((e) => e.status === 'success');

test('the template has no Code node and its trigger has a fixed webhook ID', () => {
	const template = readTemplate();
	expect(template.nodes.some((n) => /\.code$|\.function(Item)?$/i.test(n.type))).toBe(false);
	const trigger = template.nodes.find((n) => n.type.endsWith('.apideckCrmTrigger'));
	expect(trigger?.webhookId).toMatch(/^[0-9a-f-]{36}$/);
	expect(trigger?.parameters).toMatchObject({
		events: ['crm.lead.created'],
		fetchFullRecord: true,
	});
});

test('activation subscribes on the sandbox, which validates the n8n URL', async () => {
	await stack.n8n.rest.activateWorkflow(workflowId);
	const subscriptions = stack.sandbox.webhooks.subscriptions();
	expect(subscriptions).toHaveLength(1);
	expect(subscriptions[0]).toMatchObject({
		status: 'enabled',
		unified_api: 'crm',
		events: ['crm.lead.created'],
		delivery_url: triggerUrl(stack.n8n.webhookBaseUrl),
	});
	expect(stack.sandbox.webhooks.validations).toEqual([
		expect.objectContaining({ ok: true, status: 200, mode: 'real' }),
	]);
});

test.each([
	['US', 'demo-owner-americas'],
	['de', 'demo-owner-europe'],
	['JP', 'demo-owner-rest'],
])(
	'a signed crm.lead.created from %s gets owner %s and a follow-up task',
	async (country, owner) => {
		expect(expectedOwner(country).id).toBe(owner);
		const runsBefore = (await successfulRuns()).length;
		const leadId = newLead(country);
		const [delivery] = await stack.sandbox.webhooks.deliver({
			event_type: 'crm.lead.created',
			entity_id: leadId,
		});
		expect(delivery.status).toBe(200);
		// n8n's own answer, in JSON (not the words "firstEntryJson"; see deliveryWebhook).
		expect(JSON.parse(delivery.body)).toEqual({ message: 'Workflow was started' });

		const lead = await waitFor('the owner', () => {
			const record = stack.sandbox.store.get('leads', leadId, scope);
			return record?.owner_id ? record : undefined;
		});
		expect(lead.owner_id).toBe(owner);
		const [task] = await waitFor('the task', () => {
			const tasks = tasksFor(leadId);
			return tasks.length ? tasks : undefined;
		});
		expect(task).toMatchObject({ type: 'task', owner_id: owner, lead_id: leadId, done: false });
		expect(String(task.title)).toContain(String(lead.name));
		expect(tasksFor(leadId)).toHaveLength(1);
		const deadline = Date.now() + 10_000;
		while ((await successfulRuns()).length < runsBefore + 1 && Date.now() < deadline)
			await sleep(100);
		expect((await successfulRuns()).length).toBe(runsBefore + 1);
	},
);

test('forged deliveries are refused and change nothing', async () => {
	const runsBefore = (await stack.n8n.rest.listExecutions({ workflowId })).length;
	const leadId = newLead('US');
	const event = { event_type: 'crm.lead.created', entity_id: leadId };
	const results = [
		...(await stack.sandbox.webhooks.deliver(event, { wrongKey: true })),
		...(await stack.sandbox.webhooks.deliver(event, { omitSignature: true })),
		...(await stack.sandbox.webhooks.deliver(event, { tamper: true })),
	];
	expect(results.map((r) => r.status)).toEqual([401, 401, 401]);

	await sleep(1500);
	expect(stack.sandbox.store.get('leads', leadId, scope)?.owner_id).toBeUndefined();
	expect(tasksFor(leadId)).toHaveLength(0);
	expect((await stack.n8n.rest.listExecutions({ workflowId })).length).toBe(runsBefore);
});

test('deactivation deletes the subscription on the sandbox and closes the URL', async () => {
	await stack.n8n.rest.deactivateWorkflow(workflowId);
	expect(stack.sandbox.webhooks.subscriptions()).toEqual([]);
	const after = await fetch(triggerUrl(stack.n8n.webhookBaseUrl), {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}',
	});
	expect(after.status).toBe(404);
});
