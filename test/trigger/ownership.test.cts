/**
 * Activation and deactivation touch only this trigger's own CRM subscriptions: never one that
 * delivers elsewhere by now, never one of another unified API, and racing activations leave no
 * orphan behind once the workflow is deactivated.
 */
import type { TriggerHost } from '../helpers/trigger-host.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';
import { activeHostFor, hostFor, webhookApi } from './fixtures.cjs';

const sandbox = useSandbox();
let host: TriggerHost | undefined;

beforeEach(() => {
	sandbox.webhooks.clear();
	sandbox.webhooks.forceValidation('real');
});
afterEach(async () => {
	sandbox.setLatency(0);
	await host?.close();
	host = undefined;
});

const ours = () =>
	sandbox.webhooks.subscriptions().filter((w) => w.delivery_url === host!.webhookUrl);

describe('a stored subscription that now delivers somewhere else', () => {
	const ELSEWHERE = 'https://elsewhere.example.com/hook';

	async function repointed() {
		host = await activeHostFor(sandbox, {});
		const id = host.nodeStaticData.webhookId as string;
		sandbox.webhooks.forceValidation('pass');
		await webhookApi(sandbox, 'PATCH', `/${id}`, { delivery_url: ELSEWHERE });
		return id;
	}

	it('is not deleted on deactivation', async () => {
		const id = await repointed();
		await host!.deactivate();
		expect(sandbox.webhooks.subscriptions()).toEqual([
			expect.objectContaining({ id, delivery_url: ELSEWHERE, status: 'enabled' }),
		]);
		expect(host!.nodeStaticData.webhookId).toBeUndefined();
	});

	it('is not deleted on re-activation, which subscribes this URL anew', async () => {
		const id = await repointed();
		await host!.activate();
		expect(sandbox.webhooks.subscriptions().find((w) => w.id === id)).toMatchObject({
			delivery_url: ELSEWHERE,
		});
		expect(ours()).toHaveLength(1);
		expect(host!.nodeStaticData.webhookId).toBe(ours()[0].id);
	});
});

it('leaves subscriptions of other unified APIs to this URL alone, also when static data was lost', async () => {
	host = await hostFor(sandbox, { events: ['*'] });
	const accounting = await webhookApi(sandbox, 'POST', '', {
		unified_api: 'accounting',
		status: 'enabled',
		delivery_url: host.webhookUrl,
		events: ['*'],
	});
	await host.activate();
	await host.deactivate();

	await host.activate();
	for (const key of Object.keys(host.staticData)) delete host.staticData[key];
	expect(await host.checkExists()).toBe(true);
	for (const key of Object.keys(host.staticData)) delete host.staticData[key];
	await host.deactivate();

	expect(sandbox.webhooks.subscriptions()).toEqual([
		expect.objectContaining({ id: accounting.id, unified_api: 'accounting', status: 'enabled' }),
	]);
});

it('leaves no subscription behind after racing activations and their deactivations', async () => {
	host = await hostFor(sandbox, { events: ['crm.lead.created'] });
	// Every activation lists the subscriptions before any of them has created one.
	sandbox.setLatency(100);
	await Promise.all(Array.from({ length: 4 }, () => host!.activate()));
	await host.idle();
	expect(ours().length).toBeGreaterThan(1);

	await Promise.all(Array.from({ length: 4 }, () => host!.deactivate()));
	expect(ours()).toEqual([]);
});
