/**
 * Activation and deactivation against the sandbox's webhook API, with static data persisted
 * between calls the way n8n keeps it.
 */
import type { TriggerHost } from '../helpers/trigger-host.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';
import { hostFor, webhookApi } from './fixtures.cjs';

const sandbox = useSandbox({ reset: 'none' });
let host: TriggerHost | undefined;
beforeEach(() => {
	sandbox.webhooks.clear();
	sandbox.webhooks.forceValidation('real');
});
afterEach(async () => {
	await host?.close();
	host = undefined;
});

const ours = () =>
	sandbox.webhooks.subscriptions().filter((w) => w.delivery_url === host!.webhookUrl);

describe('create / checkExists / delete', () => {
	it('creates one enabled CRM subscription for the selected events and stores its ID', async () => {
		host = await hostFor(sandbox, {
			events: ['crm.lead.updated', 'crm.lead.created', 'crm.lead.created'],
		});
		expect(await host.checkExists()).toBe(false);
		await host.activate();

		const [subscription] = ours();
		expect(ours()).toHaveLength(1);
		expect(subscription).toMatchObject({
			unified_api: 'crm',
			status: 'enabled',
			delivery_url: host.webhookUrl,
			events: ['crm.lead.created', 'crm.lead.updated'],
		});
		expect(host.nodeStaticData).toMatchObject({
			webhookId: subscription.id,
			webhookUrl: host.webhookUrl,
		});
		expect(await host.checkExists()).toBe(true);
	});

	it('answers Apideck’s validation request with 2xx and starts no execution', async () => {
		host = await hostFor(sandbox, { events: ['*'] });
		await host.activate();
		await host.idle();

		expect(sandbox.webhooks.validations).toEqual([
			expect.objectContaining({ url: host.webhookUrl, ok: true, mode: 'real' }),
		]);
		expect(host.responses[0].status).toBe(200);
		expect(host.executions).toHaveLength(0);
	});

	it('deletes the subscription on deactivation and clears static data', async () => {
		host = await hostFor(sandbox, { events: ['*'] });
		await host.activate();
		await host.deactivate();

		expect(ours()).toHaveLength(0);
		expect(host.nodeStaticData.webhookId).toBeUndefined();
		expect(await host.checkExists()).toBe(false);
	});

	it('treats a subscription Apideck already deleted as removed', async () => {
		host = await hostFor(sandbox, { events: ['*'] });
		await host.activate();
		sandbox.webhooks.clear();

		await expect(host.deactivate()).resolves.toBeUndefined();
		expect(host.nodeStaticData.webhookId).toBeUndefined();
	});
});

describe('disabled on create', () => {
	it('fails activation with the reason and what to do, and removes the disabled subscription', async () => {
		host = await hostFor(sandbox, { events: ['*'] });
		sandbox.webhooks.forceValidation('fail');

		const failure = host.activate();
		await expect(failure).rejects.toThrow('Apideck could not reach this workflow’s webhook URL');
		await expect(failure).rejects.toMatchObject({
			description: expect.stringContaining('WEBHOOK_URL'),
		});
		expect(sandbox.webhooks.subscriptions()).toHaveLength(0);
		expect(host.nodeStaticData.webhookId).toBeUndefined();
	});

	it('fails for real when the delivery URL does not answer 2xx', async () => {
		host = await hostFor(sandbox, { events: ['*'] });
		await host.close();

		await expect(host.activate()).rejects.toThrow(/could not reach/);
		expect(sandbox.webhooks.validations[0]).toMatchObject({ ok: false, mode: 'real' });
		expect(sandbox.webhooks.subscriptions()).toHaveLength(0);
	});
});

describe('re-activation', () => {
	it('re-creates a subscription that was deleted on Apideck’s side', async () => {
		host = await hostFor(sandbox, { events: ['*'] });
		await host.activate();
		const first = host.nodeStaticData.webhookId;
		sandbox.webhooks.clear();

		expect(await host.checkExists()).toBe(false);
		await host.activate();
		expect(ours()).toHaveLength(1);
		expect(host.nodeStaticData.webhookId).not.toBe(first);
		expect(host.nodeStaticData.webhookId).toBe(ours()[0].id);
	});

	it('replaces the subscription when the selected events change', async () => {
		host = await hostFor(sandbox, { events: ['crm.contact.created'] });
		await host.activate();
		const first = host.nodeStaticData.webhookId;

		host.setParameters({
			events: ['crm.contact.created', 'crm.contact.deleted'],
			fetchFullRecord: false,
		});
		expect(await host.checkExists()).toBe(false);
		await host.activate();

		expect(ours()).toEqual([
			expect.objectContaining({ events: ['crm.contact.created', 'crm.contact.deleted'] }),
		]);
		expect(ours()[0].id).not.toBe(first);
	});

	it('replaces a subscription Apideck disabled later', async () => {
		host = await hostFor(sandbox, { events: ['*'] });
		await host.activate();
		const id = host.nodeStaticData.webhookId as string;
		await webhookApi(sandbox, 'PATCH', `/${id}`, { status: 'disabled' });

		await host.activate();
		expect(ours()).toEqual([expect.objectContaining({ status: 'enabled' })]);
		expect(ours()[0].id).not.toBe(id);
	});

	it('never creates a duplicate when activated again and again', async () => {
		host = await hostFor(sandbox, { events: ['*'] });
		for (let i = 0; i < 3; i++) await host.activate();
		expect(ours()).toHaveLength(1);
		expect(sandbox.webhooks.validations).toHaveLength(1);
	});

	it('adopts its existing subscription instead of duplicating it when static data was lost', async () => {
		host = await hostFor(sandbox, { events: ['*'] });
		await host.activate();
		const id = ours()[0].id;
		for (const key of Object.keys(host.staticData)) delete host.staticData[key];

		expect(await host.checkExists()).toBe(true);
		await host.activate();
		expect(ours().map((w) => w.id)).toEqual([id]);
		expect(host.nodeStaticData.webhookId).toBe(id);
	});

	it('leaves other subscriptions of the application alone', async () => {
		host = await hostFor(sandbox, { events: ['*'] });
		const other = await hostFor(sandbox, { events: ['*'] });
		try {
			await other.activate();
			await host.activate();
			host.setParameters({ events: ['crm.lead.created'], fetchFullRecord: false });
			await host.activate();
			await host.deactivate();
			expect(sandbox.webhooks.subscriptions().map((w) => w.delivery_url)).toEqual([
				other.webhookUrl,
			]);
		} finally {
			await other.close();
		}
	});
});

describe('input rules', () => {
	it('refuses to activate without any event', async () => {
		host = await hostFor(sandbox, { events: [] });
		await expect(host.activate()).rejects.toThrow('Choose at least one event');
		expect(sandbox.webhooks.subscriptions()).toHaveLength(0);
	});
});
