/**
 * The Truto CRM Trigger under attack and churn: forged (other secret), unsigned, tampered and
 * replayed deliveries (same event again, also after a restart, and old events) are refused
 * and start nothing, while the genuine deliveries around them do; 100 activate/deactivate
 * cycles with transient faults leave no webhook behind; neither the API token nor a webhook
 * secret appears in anything the trigger produced or logged.
 */
import { TrutoCrmTrigger } from '../../nodes/TrutoCrmTrigger/TrutoCrmTrigger.node';
import type { DeliverOptions, TrutoEvent } from '../../sandbox/truto/index.cjs';
import type { TriggerHost } from '../helpers/trigger-host.cjs';
import { useTruto } from '../helpers/use-sandbox.cjs';
import { activeTrutoHost, freshTrutoTrigger, trutoHostFor } from '../trigger-truto/fixtures.cjs';
import {
	capture,
	installCapture,
	occurrences,
	releaseCapture,
	SECRET,
} from './support/capture.cjs';
import { verifyGenuine, verifyRefused } from './support/deliveries.cjs';
import { secretScan } from './support/secret-scan.cjs';
import { verify } from './support/verify.cjs';

installCapture();

const N = 50;
const AREA = 'Truto webhooks';
let host: TriggerHost;
let serial = 0;
/** Every webhook secret the sandbox handed out in this file. */
const secrets = new Set<string>();

const truto = useTruto({
	token: SECRET,
	reset: 'none',
	async setup(started) {
		host = await activeTrutoHost(started, { integratedAccountFilter: 'any' });
		return async () => {
			captureHost();
			await host.deactivate();
			await host.close();
		};
	},
});
afterAll(() => releaseCapture());

function captureHost() {
	for (const webhook of truto.webhooks.subscriptions()) {
		const secret = truto.webhooks.secretOf(webhook.id);
		if (secret) secrets.add(secret);
	}
	capture('host', {
		responses: host.responses,
		executions: host.executions,
		errors: host.webhookErrors,
		runs: host.runs,
	});
}

const event = (createdAt = new Date()): TrutoEvent => ({
	id: `evt-${++serial}-${Date.now()}`,
	event: 'record:updated',
	created_at: createdAt.toISOString(),
	payload: {
		integrated_account_id: truto.accounts.defaultId(),
		unified_model: 'crm',
		resource: 'leads',
		record: { id: `lead-${serial}`, first_name: 'Reliable' },
	},
});

async function sendAll(
	options: DeliverOptions,
	events: TrutoEvent[] = Array.from({ length: N }, () => event()),
) {
	const statuses: number[] = [];
	const messages: string[] = [];
	for (const e of events) {
		for (const result of await truto.webhooks.deliver(e, options)) {
			statuses.push(result.status);
			messages.push(String((JSON.parse(result.body || '{}') as { message?: string }).message));
		}
	}
	await host.idle();
	return { statuses, messages, events };
}

async function refused(scenario: string, options: DeliverOptions) {
	await verifyRefused(__filename, { area: AREA, scenario }, host, N, 401, async () => {
		return (await sendAll(options)).statuses;
	});
}

test('control: genuine deliveries each start one execution', async () => {
	await verifyGenuine(
		__filename,
		{ area: AREA, scenario: 'control: genuine' },
		host,
		N,
		async () => {
			return (await sendAll({})).statuses;
		},
	);
});

test('forged deliveries (signed with another secret) are refused', async () => {
	await refused('forged signature', { wrongSecret: true });
});

test('forged deliveries signed with a secret that differs by one character are refused', async () => {
	const secret = String(host.nodeStaticData.webhookSecret);
	const almost = `${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}`;
	await refused('forged, secret off by one char', { wrongSecret: almost });
});

test('unsigned deliveries are refused', async () => {
	await refused('unsigned', { omitSignature: true });
});

test('deliveries tampered with after signing are refused', async () => {
	await refused('tampered body', { tamper: true });
});

test('deliveries whose signature is reused on another event are refused', async () => {
	await refused('tampered (valid sig, other event)', {
		tamper: (body) => body.replace('record:updated', 'record:deleted'),
	});
});

/** Sends `events` again and checks every one is answered 2xx without starting anything. */
async function expectReplaysRefused(scenario: string, events: TrutoEvent[], why: RegExp) {
	const before = host.executions.length;
	const replay = await sendAll({}, events);
	const rejected = replay.messages.filter((message) => why.test(message)).length;
	const executions = host.executions.length - before;
	verify(
		__filename,
		{
			area: AREA,
			scenario,
			injected: `${N} repeats`,
			requests: replay.statuses.length,
			rejected: `${rejected}/${N} (answered 200)`,
			executions,
		},
		{ rejected, ok: replay.statuses.filter((s) => s === 200).length, executions },
		{ rejected: N, ok: N, executions: 0 },
	);
}

test('replays of genuine deliveries start nothing', async () => {
	const events = Array.from({ length: N }, () => event());
	await sendAll({}, events);
	await expectReplaysRefused('replayed (same process)', events, /already received/);
});

test('replays start nothing after a restart of the trigger’s process either', async () => {
	const events = Array.from({ length: N }, () => event());
	await sendAll({}, events);
	host.setNodeType(freshTrutoTrigger());
	await expectReplaysRefused('replayed after restart', events, /already received/);
});

test('old deliveries replayed once they are forgotten start nothing (replay window)', async () => {
	// Genuine events signed by Truto 10 minutes ago, whose IDs this trigger no longer remembers.
	const old = Array.from({ length: N }, () => event(new Date(Date.now() - 10 * 60_000)));
	await expectReplaysRefused('replayed, older than the window', old, /taken for a replay/);
});

test('100 activate/deactivate cycles with transient faults leave no webhook behind', async () => {
	const cycling = await trutoHostFor(truto, { events: ['record:created', 'record:deleted'] });
	const FAULTS: Array<[string, () => void]> = [
		[
			'503 on DELETE',
			() => truto.faults.serverError({ status: 503, method: 'DELETE', path: /^\/webhook\// }),
		],
		[
			'429 on create',
			() =>
				truto.faults.rateLimit({
					retryAfterSeconds: 0,
					remote: false,
					method: 'POST',
					path: '/webhook',
				}),
		],
		[
			'429 on list',
			() =>
				truto.faults.rateLimit({
					retryAfterSeconds: 0,
					remote: false,
					method: 'GET',
					path: '/webhook',
				}),
		],
		['dropped DELETE', () => truto.faults.hangUp({ method: 'DELETE', path: /^\/webhook\// })],
	];
	const mine = () =>
		truto.webhooks.subscriptions().filter((w) => w.target_url === cycling.webhookUrl);
	let activeWithOne = 0;
	let injected = 0;
	const errors: string[] = [];
	const before = truto.requests.length;
	try {
		for (let cycle = 0; cycle < 100; cycle++) {
			if (cycle % 5 === 0) {
				FAULTS[(cycle / 5) % FAULTS.length][1]();
				injected++;
			}
			try {
				await cycling.activate();
				secrets.add(String(cycling.nodeStaticData.webhookSecret));
				if (
					mine().length === 1 &&
					cycling.nodeStaticData.webhookSecret === truto.webhooks.secretOf(mine()[0].id)
				)
					activeWithOne++;
				await cycling.deactivate();
			} catch (error) {
				errors.push((error as Error).message);
				capture('lifecycle error', error);
			}
			truto.faults.clear();
		}
	} finally {
		// Not its static data: that is where the webhook secret is kept, by design.
		capture('cycling host', { responses: cycling.responses, errors: cycling.webhookErrors });
		await cycling.close();
	}
	const left = mine().length;
	verify(
		__filename,
		{
			area: 'Truto trigger lifecycle',
			scenario: '100 activate/deactivate cycles',
			injected: `${injected} transient faults (${FAULTS.map(([name]) => name).join(', ')})`,
			requests: truto.requests.length - before,
			items: `${activeWithOne}/100 active with exactly 1 webhook, its secret stored`,
			failures: `${errors.length}${errors[0] ? ` (${errors[0]})` : ''}`,
			executions: `${left} webhooks left`,
		},
		{ errors, activeWithOne, left },
		{ errors: [], activeWithOne: 100, left: 0 },
	);
});

test('the API token appears nowhere in what the trigger produced or logged', () => {
	captureHost();
	capture('trigger description', new TrutoCrmTrigger().description);
	secretScan(__filename, AREA);
});

test('no webhook secret appears in what the trigger produced or logged', () => {
	captureHost();
	const found = [...secrets].reduce((sum, secret) => sum + occurrences(secret), 0);
	verify(
		__filename,
		{
			area: AREA,
			scenario: 'webhook secrets in captured output',
			injected: `${secrets.size} secrets`,
			failures: `${found} occurrences`,
		},
		{ scanned: secrets.size > 0, found },
		{ scanned: true, found: 0 },
	);
});
