/**
 * Deliveries that must not start the workflow: forged (signed with another key), unsigned,
 * tampered after signing, and replays of genuine deliveries (same event again, also after a
 * restart of the trigger's process). Each must be refused and start no execution, while the
 * genuine deliveries around them still do.
 */
import type { INodeType } from 'n8n-workflow';

import { ApideckCrmTrigger } from '../../nodes/ApideckCrmTrigger/ApideckCrmTrigger.node';
import type { TriggerHost } from '../helpers/trigger-host.cjs';
import type { CrmEvent, Sandbox } from '../../sandbox/apideck/index.cjs';
import { capture, installCapture, releaseCapture } from './support/capture.cjs';
import { activeTriggerHost, stopTriggerHost, useReliabilitySandbox } from './support/fixtures.cjs';
import { verifyGenuine, verifyRefused } from './support/deliveries.cjs';
import { secretScan } from './support/secret-scan.cjs';
import { verify } from './support/verify.cjs';

installCapture();

const N = 50;
let host: TriggerHost;
let serial = 0;

const sandbox = useReliabilitySandbox({
	async setup(started) {
		host = await activeTriggerHost(started);
		return async () => {
			capture('host', {
				responses: host.responses,
				executions: host.executions,
				errors: host.webhookErrors,
				runs: host.runs,
			});
			await stopTriggerHost(host);
		};
	},
});
afterAll(() => releaseCapture());

const event = (): CrmEvent => ({
	event_type: 'crm.lead.updated',
	entity_id: `lead-${++serial}`,
	consumer_id: 'test-consumer',
	service_id: 'salesforce',
	event_id: `evt-${serial}-${Date.now()}`,
});

async function sendAll(
	options: Parameters<Sandbox['webhooks']['deliver']>[1],
	events: CrmEvent[] = Array.from({ length: N }, event),
	target = host,
) {
	const statuses: number[] = [];
	for (const e of events) {
		const results = await sandbox.webhooks.deliver(e, options);
		statuses.push(...results.map((r) => r.status));
	}
	await target.idle();
	return { statuses, events };
}

async function refused(
	scenario: string,
	options: Parameters<Sandbox['webhooks']['deliver']>[1],
	status: number,
) {
	await verifyRefused(__filename, { area: 'Webhooks', scenario }, host, N, status, async () => {
		return (await sendAll(options)).statuses;
	});
}

test('control: genuine deliveries each start one execution', async () => {
	await verifyGenuine(
		__filename,
		{ area: 'Webhooks', scenario: 'control: genuine' },
		host,
		N,
		async () => {
			return (await sendAll({})).statuses;
		},
	);
});

test('forged deliveries (signed with another key) are refused', async () => {
	await refused('forged signature', { wrongKey: true }, 401);
});

test('forged deliveries signed with a key that differs by one character are refused', async () => {
	const almost = `${sandbox.apiKey.slice(0, -1)}${sandbox.apiKey.endsWith('x') ? 'y' : 'x'}`;
	await refused('forged, key off by one char', { wrongKey: almost }, 401);
});

test('unsigned deliveries are refused', async () => {
	await refused('unsigned', { omitSignature: true }, 401);
});

test('deliveries tampered with after signing are refused', async () => {
	await refused('tampered body', { tamper: true }, 401);
});

test('deliveries whose signature is reused on another body are refused', async () => {
	await refused(
		'tampered (valid sig, other event)',
		{ tamper: (body: string) => body.replace('crm.lead.updated', 'crm.lead.deleted') },
		401,
	);
});

/** Replays `events` and checks that every replay is refused as a duplicate and starts nothing. */
async function expectReplaysRefused(
	scenario: string,
	events: ReturnType<typeof event>[],
	options: Parameters<typeof sendAll>[0],
	target = host,
) {
	const before = target.executions.length;
	const replay = await sendAll(options, events, target);
	const answers = target.responses.slice(-N).map((r) => r.body);
	const rejected = answers.filter((body) => body.includes('already received')).length;
	const executions = target.executions.length - before;
	verify(
		__filename,
		{
			area: 'Webhooks',
			scenario,
			injected: `${N} repeats`,
			requests: replay.statuses.length,
			rejected: `${rejected}/${N}`,
			executions,
		},
		{ rejected, executions },
		{ rejected: N, executions: 0 },
	);
}

test('replays of genuine deliveries start nothing', async () => {
	const events = Array.from({ length: N }, event);
	await sendAll({}, events);
	await expectReplaysRefused('replayed (same process)', events, {});
});

/** A fresh copy of the trigger's modules, as a restarted n8n would load them. */
function restartedTrigger(): INodeType {
	let fresh: INodeType | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const restarted = require('../../nodes/ApideckCrmTrigger/ApideckCrmTrigger.node');
		fresh = new restarted.ApideckCrmTrigger();
	});
	return fresh!;
}

test('replays with a new idempotency key but the same event ID start nothing, also after a restart', async () => {
	const events = Array.from({ length: N }, event);
	await sendAll({}, events);
	host.setNodeType(restartedTrigger());
	await expectReplaysRefused('replayed after restart, new key', events, {
		idempotencyKey: 'another-key',
	});
});

test('on n8n 2.x, replays after a restart start nothing once a request that started none saved the keys', async () => {
	// n8n 2.x saves no static data for a request that starts a workflow; a dropped duplicate
	// is saved, and it carries every key this process has seen.
	const n8n2 = await activeTriggerHost(sandbox, 'n8n 2.x');
	try {
		const subscription = sandbox.webhooks
			.subscriptions()
			.find((webhook) => webhook.delivery_url === n8n2.webhookUrl)!;
		const only = { webhookId: subscription.id };
		const events = Array.from({ length: N }, event);
		await sendAll(only, events, n8n2);
		await sendAll(only, events.slice(-1), n8n2);
		n8n2.setNodeType(restartedTrigger());
		await expectReplaysRefused(
			'replayed after restart, n8n 2.x saving',
			events,
			{ ...only, idempotencyKey: 'another-key' },
			n8n2,
		);
	} finally {
		capture('host (n8n 2.x saving)', { responses: n8n2.responses, executions: n8n2.executions });
		await stopTriggerHost(n8n2);
	}
});

test('the API key appears nowhere in what the trigger produced or logged', () => {
	capture('host', {
		responses: host.responses,
		executions: host.executions,
		errors: host.webhookErrors,
		runs: host.runs,
	});
	capture('trigger description', new ApideckCrmTrigger().description);
	secretScan(__filename, 'Webhooks');
});
