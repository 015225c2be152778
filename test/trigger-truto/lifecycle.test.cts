/**
 * Activation and deactivation of the Truto CRM Trigger against the sandbox's webhook API, with
 * static data persisted between calls the way n8n keeps it. Truto shows a webhook's secret only
 * when it creates it, so a webhook whose secret is not stored is replaced, never adopted.
 */
import { startTrutoSandbox } from '../../sandbox/truto/index.cjs';
import type { TriggerHost } from '../helpers/trigger-host.cjs';
import { useTruto } from '../helpers/use-sandbox.cjs';
import {
	activeTrutoHost,
	deliverOnce,
	freshTrutoTrigger,
	leadCreated,
	trutoHostFor,
	webhooksOf,
} from './fixtures.cjs';

const truto = useTruto({ reset: 'none' });
let host: TriggerHost | undefined;
const others: TriggerHost[] = [];

beforeEach(() => truto.webhooks.clear());
afterEach(async () => {
	truto.setLatency(0);
	truto.faults.clear();
	await host?.close();
	host = undefined;
	await Promise.all(others.splice(0).map(async (other) => await other.close()));
});

const ours = () => webhooksOf(truto, host!);
/** The create requests made for this host's URL. */
const creates = () =>
	truto.requests.filter(
		(r) =>
			r.method === 'POST' &&
			r.path === '/webhook' &&
			(r.body as { target_url?: string }).target_url === host!.webhookUrl,
	);

/** A signed lead event reaches the host and starts one execution. */
async function expectDeliveriesWork() {
	const before = host!.executions.length;
	const result = await deliverOnce(truto, host!, leadCreated(truto));
	expect(result.status).toBe(200);
	expect(host!.executions.length - before).toBe(1);
}

describe('create / checkExists / delete', () => {
	it('creates one active webhook for the selected events and stores its ID and secret', async () => {
		host = await trutoHostFor(truto, {
			events: ['record:updated', 'record:created', 'record:created'],
		});
		expect(await host.checkExists()).toBe(false);
		await host.activate();

		expect(ours()).toEqual([
			expect.objectContaining({
				target_url: host.webhookUrl,
				is_active: true,
				event_types: ['record:created', 'record:updated'],
			}),
		]);
		const [webhook] = ours();
		expect(host.nodeStaticData).toMatchObject({
			webhookId: webhook.id,
			webhookUrl: host.webhookUrl,
			webhookSecret: truto.webhooks.secretOf(webhook.id),
		});
		expect(truto.requests.find((r) => r.method === 'POST' && r.path === '/webhook')?.body).toEqual({
			target_url: host.webhookUrl,
			event_types: ['record:created', 'record:updated'],
			is_active: true,
		});
		expect(await host.checkExists()).toBe(true);
		await expectDeliveriesWork();
	});

	it('deletes the webhook on deactivation and clears static data', async () => {
		host = await activeTrutoHost(truto);
		await host.deactivate();

		expect(ours()).toHaveLength(0);
		expect(host.nodeStaticData).toEqual({});
		expect(await host.checkExists()).toBe(false);
	});

	it('treats a webhook Truto already deleted as removed', async () => {
		host = await activeTrutoHost(truto);
		truto.webhooks.clear();

		await expect(host.deactivate()).resolves.toBeUndefined();
		expect(host.nodeStaticData.webhookId).toBeUndefined();
	});
});

describe('re-activation and restarts', () => {
	it('never creates a second webhook when activated again and again, also after a restart', async () => {
		host = await activeTrutoHost(truto);
		const id = ours()[0].id;
		await host.activate();
		host.setNodeType(freshTrutoTrigger());
		await host.activate();

		expect(ours().map((w) => w.id)).toEqual([id]);
		expect(creates()).toHaveLength(1);
		await expectDeliveriesWork();
	});

	it('re-creates a webhook that was deleted on Truto’s side', async () => {
		host = await activeTrutoHost(truto);
		const first = host.nodeStaticData.webhookId;
		truto.webhooks.clear();

		await host.activate();
		expect(ours()).toHaveLength(1);
		expect(host.nodeStaticData.webhookId).toBe(ours()[0].id);
		expect(host.nodeStaticData.webhookId).not.toBe(first);
		await expectDeliveriesWork();
	});

	it('replaces the webhook when the selected events change', async () => {
		host = await activeTrutoHost(truto, { events: ['record:created'] });
		const first = ours()[0].id;

		host.setParameters({ events: ['record:created', 'record:deleted'], fetchFullRecord: false });
		await host.activate();

		expect(ours()).toEqual([
			expect.objectContaining({ event_types: ['record:created', 'record:deleted'] }),
		]);
		expect(ours()[0].id).not.toBe(first);
	});

	it('replaces a webhook Truto deactivated after failed deliveries', async () => {
		host = await activeTrutoHost(truto);
		const id = ours()[0].id;
		const response = await fetch(`${truto.url}/webhook/${id}`, {
			method: 'PATCH',
			headers: { authorization: `Bearer ${truto.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ is_active: false }),
		});
		expect(response.status).toBe(200);

		await host.activate();
		expect(ours()).toEqual([expect.objectContaining({ is_active: true })]);
		expect(ours()[0].id).not.toBe(id);
		await expectDeliveriesWork();
	});

	it.each([
		['the secret', ['webhookSecret']],
		['the whole static data', ['webhookId', 'webhookUrl', 'webhookEvents', 'webhookSecret']],
	])(
		'replaces the webhook when %s was lost, instead of keeping one it cannot verify',
		async (_l, keys) => {
			host = await activeTrutoHost(truto);
			const id = ours()[0].id;
			const data = host.staticData[`node:${host.node.name}`] as Record<string, unknown>;
			for (const key of keys) delete data[key];

			expect(await host.checkExists()).toBe(false);
			expect(ours()).toHaveLength(0);
			await host.activate();
			expect(ours()).toHaveLength(1);
			expect(ours()[0].id).not.toBe(id);
			expect(host.nodeStaticData.webhookSecret).toBe(truto.webhooks.secretOf(ours()[0].id));
			await expectDeliveriesWork();
		},
	);
});

describe('only its own webhooks', () => {
	it('leaves the other webhooks of the environment alone', async () => {
		const other = await activeTrutoHost(truto);
		others.push(other);
		host = await activeTrutoHost(truto);
		host.setParameters({ events: ['record:created'], fetchFullRecord: false });
		await host.activate();
		await host.deactivate();

		expect(truto.webhooks.subscriptions().map((w) => w.target_url)).toEqual([other.webhookUrl]);
	});

	it('does not delete a stored webhook that now delivers somewhere else', async () => {
		host = await activeTrutoHost(truto);
		const id = ours()[0].id;
		const elsewhere = 'https://elsewhere.example.com/hook';
		await fetch(`${truto.url}/webhook/${id}`, {
			method: 'PATCH',
			headers: { authorization: `Bearer ${truto.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ target_url: elsewhere }),
		});

		await host.activate();
		expect(truto.webhooks.subscriptions().find((w) => w.id === id)?.target_url).toBe(elsewhere);
		expect(ours()).toHaveLength(1);
		await host.deactivate();
		expect(truto.webhooks.subscriptions().map((w) => w.id)).toEqual([id]);
	});
});

describe('activations that run at the same time', () => {
	it('settle on one webhook whose secret is stored, and leave none after deactivation', async () => {
		host = await trutoHostFor(truto);
		// Every activation lists the webhooks before any of them has created one.
		truto.setLatency(50);
		await Promise.all(Array.from({ length: 4 }, async () => await host!.activate()));
		truto.setLatency(0);

		expect(ours()).toHaveLength(1);
		expect(creates()).toHaveLength(4);
		expect(host.nodeStaticData.webhookId).toBe(ours()[0].id);
		expect(host.nodeStaticData.webhookSecret).toBe(truto.webhooks.secretOf(ours()[0].id));
		await expectDeliveriesWork();

		await Promise.all(Array.from({ length: 4 }, async () => await host!.deactivate()));
		expect(ours()).toEqual([]);
	});

	it('store the newest webhook even when an older activation finishes last', async () => {
		host = await trutoHostFor(truto);
		expect(await host.checkExists()).toBe(false);
		const lists = () => truto.requests.filter((r) => r.method === 'GET' && r.path === '/webhook');
		const listed = lists().length;
		// The first activation's list is answered late, as it was when it was asked: without the
		// second activation's webhook, which removes the first one meanwhile.
		truto.faults.slow({ ms: 1_000, method: 'GET', path: '/webhook' });
		const first = host.create();
		while (lists().length === listed) await new Promise((resolve) => setTimeout(resolve, 5));
		await host.create();
		await first;

		expect(ours()).toHaveLength(1);
		expect(host.nodeStaticData.webhookId).toBe(ours()[0].id);
		expect(host.nodeStaticData.webhookSecret).toBe(truto.webhooks.secretOf(ours()[0].id));
		await expectDeliveriesWork();
	});
});

describe('failures', () => {
	it('refuses to activate without any event', async () => {
		host = await trutoHostFor(truto, { events: [] });
		await expect(host.activate()).rejects.toThrow('Choose at least one event');
		expect(truto.webhooks.subscriptions()).toHaveLength(0);
	});

	it.each([
		[
			'the credential has no default integrated account',
			{},
			'The Truto credential has no Default Integrated Account ID',
		],
		[
			'no Specific Integrated Account is chosen',
			{
				integratedAccountFilter: 'specific',
				integratedAccount: { __rl: true, mode: 'list', value: ' ' },
			},
			'Choose the integrated account whose events start this workflow',
		],
	])(
		'refuses to activate when %s, instead of ignoring every event',
		async (_label, parameters, message) => {
			host = await trutoHostFor(truto, parameters, { credentials: { integratedAccountId: '' } });
			await expect(host.activate()).rejects.toThrow(message);
			expect(ours()).toHaveLength(0);
		},
	);

	it('explains that Truto delivers only to HTTPS addresses', async () => {
		const strict = await startTrutoSandbox({ httpsOnly: true });
		try {
			host = await trutoHostFor(strict);
			const activation = host.activate();
			await expect(activation).rejects.toThrow('Truto refused this workflow’s webhook URL');
			await expect(activation).rejects.toMatchObject({
				description: expect.stringContaining('WEBHOOK_URL'),
			});
			expect(strict.webhooks.subscriptions()).toHaveLength(0);
		} finally {
			await strict.close();
		}
	});

	it('removes a webhook whose creation answer was lost, when n8n cleans up the failed activation', async () => {
		host = await trutoHostFor(truto);
		truto.faults.hangUp({ method: 'POST', path: '/webhook', processed: true });

		await expect(host.activate()).rejects.toThrow();
		expect(ours()).toHaveLength(0);
		await host.activate();
		expect(ours()).toHaveLength(1);
	});

	it('fails clearly, and keeps nothing, when Truto answers a create without a secret', async () => {
		host = await trutoHostFor(truto);
		truto.faults.error({ status: 201, method: 'POST', path: '/webhook', fields: { id: 'x' } });

		await expect(host.activate()).rejects.toThrow('Truto did not return the new webhook’s secret');
		expect(ours()).toHaveLength(0);
		expect(host.nodeStaticData.webhookId).toBeUndefined();
	});
});
