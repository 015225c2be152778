/**
 * About a thousand odd deliveries. Truto does not document the record event payload, so a
 * signed JSON object of any shape must be answered 2xx — emitted, or ignored with a reason —
 * and never dropped with an error; anything unsigned gets 401, a signed body that is not an
 * object 400, and nothing makes webhook() throw or answer 5xx. Fetch Full Record is on, so odd
 * IDs and resources also reach the record read (which must stay on the sandbox's CRM paths).
 */
import type { TriggerHost } from '../helpers/trigger-host.cjs';
import { useTruto } from '../helpers/use-sandbox.cjs';
import { seededRandom } from '../helpers/seeded-random.cjs';
import { activeTrutoHost, messageOf } from './fixtures.cjs';

let host: TriggerHost;
const truto = useTruto({
	reset: 'none',
	seed: true,
	async setup(started) {
		host = await activeTrutoHost(started, {
			integratedAccountFilter: 'any',
			fetchFullRecord: true,
		});
		return async () => await host.close();
	},
});

const rng = seededRandom(20261126);

const JUNK: unknown[] = [
	42,
	0,
	-1,
	1.5,
	true,
	false,
	null,
	{},
	[],
	'',
	' ',
	'x'.repeat(5000),
	'\u0000\ud800',
	'../../webhook',
	'.',
	'..',
	'%2e%2e%2fwebhook',
	'__proto__',
	{ id: { id: 'deep' } },
	[{ id: '1' }],
	Number.MAX_SAFE_INTEGER,
];
const junk = () => rng.pick(JUNK);
const maybe = <T,>(value: () => T): T | undefined => (rng.next() < 0.7 ? value() : undefined);

const EVENTS = ['record:created', 'record:updated', 'record:deleted', 'integrated_account:active'];
const RESOURCES = [
	'leads',
	'lead',
	'contacts',
	'engagementType',
	'stages',
	'invoices',
	'crm/notes',
];

function oddPayload(): unknown {
	if (rng.next() < 0.1) return junk();
	const payload: Record<string, unknown> = {};
	payload.integrated_account_id = maybe(() =>
		rng.next() < 0.7 ? truto.accounts.id(rng.pick(['hubspot', 'salesforce', 'blocked'])) : junk(),
	);
	payload.resource = maybe(() => (rng.next() < 0.7 ? rng.pick(RESOURCES) : junk()));
	payload.unified_model = maybe(() => rng.pick<unknown>(['crm', 'CRM', 'accounting', ...JUNK]));
	payload.record = maybe(() =>
		rng.next() < 0.5 ? { id: rng.next() < 0.5 ? String(rng.int(20)) : junk() } : junk(),
	);
	payload.record_id = maybe(() => junk());
	if (rng.next() < 0.2) payload.integrated_account = { id: junk() };
	return payload;
}

function oddEnvelope(): Record<string, unknown> {
	const envelope: Record<string, unknown> = {};
	envelope.id = maybe(() => (rng.next() < 0.6 ? `evt-${rng.int(1e9)}` : junk()));
	envelope[rng.pick(['event', 'event_type'])] = maybe(() =>
		rng.next() < 0.7 ? rng.pick(EVENTS) : junk(),
	);
	envelope.payload = maybe(oddPayload);
	envelope.created_at = maybe(() =>
		rng.pick<unknown>([
			new Date().toISOString(),
			new Date(Date.now() - 3_600_000).toISOString(),
			Math.floor(Date.now() / 1000),
			...JUNK,
		]),
	);
	if (rng.next() < 0.3) envelope.environment_id = junk();
	// A key named like an Object.prototype member must stay an ordinary key.
	if (rng.next() < 0.1) envelope[rng.pick(['constructor', '__proto__', 'toString'])] = junk();
	return envelope;
}

type Case = { label: string; body: string; sign: boolean; contentType?: string; expect: number[] };

function cases(): Case[] {
	const list: Case[] = [];
	for (let i = 0; i < 700; i++) {
		list.push({
			label: `signed odd #${i}`,
			body: JSON.stringify(oddEnvelope()),
			sign: true,
			expect: [200],
		});
	}
	for (let i = 0; i < 50; i++) {
		const body = JSON.stringify(rng.pick<unknown>([null, 42, 'text', true, [], [oddEnvelope()]]));
		list.push({ label: `signed non-object #${i}`, body, sign: true, expect: [400] });
	}
	for (let i = 0; i < 200; i++) {
		list.push({
			label: `unsigned #${i}`,
			body: JSON.stringify(oddEnvelope()),
			sign: false,
			expect: [401],
		});
	}
	for (let i = 0; i < 50; i++) {
		const text = Array.from({ length: 1 + rng.int(200) }, () =>
			String.fromCharCode(rng.int(0x7f)),
		).join('');
		const asText = rng.next() < 0.5;
		list.push({
			label: `garbage #${i}`,
			body: text,
			sign: rng.next() < 0.5,
			contentType: asText ? 'text/plain' : undefined,
			// n8n refuses unparsable JSON itself (422); text reaches the node (400, or 401 if it parses).
			expect: asText ? [400, 401] : [422, 400, 401],
		});
	}
	list.push({
		label: 'deep nesting',
		body: `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
		sign: false,
		expect: [401],
	});
	return list;
}

it('answers every odd delivery as it should and never fails', async () => {
	const all = cases();
	expect(all.length).toBeGreaterThanOrEqual(1000);
	const webhookId = String(host.nodeStaticData.webhookId);
	const unexpected: string[] = [];
	let started = 0;
	for (let at = 0; at < all.length; at += 25) {
		await Promise.all(
			all.slice(at, at + 25).map(async (c) => {
				const [result] = await truto.webhooks.deliver(
					{ event: 'record:created' },
					{
						webhookId,
						rawBody: c.body,
						omitSignature: !c.sign,
						headers: c.contentType ? { 'content-type': c.contentType } : undefined,
					},
				);
				if (result.status === 200 && messageOf(result) === 'Workflow was started') started++;
				if (!c.expect.includes(result.status))
					unexpected.push(
						`${c.label}: ${result.status} ${result.body.slice(0, 160)} ← ${c.body.slice(0, 200)}`,
					);
			}),
		);
	}
	await host.idle();
	expect(unexpected).toEqual([]);
	expect(host.webhookErrors).toEqual([]);
	expect(host.responses.filter((r) => r.status >= 500)).toEqual([]);
	expect(started).toBeGreaterThan(50);
	expect(host.executions).toHaveLength(started);
	for (const [item] of host.executions) expect(item.json).toEqual(expect.any(Object));
	// Record reads stayed on the CRM API: no odd ID or resource reached another path.
	const reads = truto.requests.filter((r) => r.path.startsWith('/unified/'));
	expect(reads.length).toBeGreaterThan(0);
	expect(reads.every((r) => /^\/unified\/crm\/[a-z_]+\/[^/]+$/.test(r.path))).toBe(true);

	const [genuine] = await truto.webhooks.deliver({
		event: 'record:created',
		payload: {
			integrated_account_id: truto.accounts.defaultId(),
			resource: 'leads',
			record: { id: 'after-fuzz', name: 'x' },
		},
	});
	await host.idle();
	expect(genuine.status).toBe(200);
	expect(host.executions).toHaveLength(started + 1);
});
