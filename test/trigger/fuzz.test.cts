/**
 * About a thousand broken deliveries, signed and unsigned, must each get a 4xx, start nothing
 * and never make webhook() throw; a genuine event afterwards still starts its execution.
 */
import { randomUUID } from 'node:crypto';

import type { TriggerHost } from '../helpers/trigger-host.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';
import { hostFor } from './fixtures.cjs';
import { seededRandom } from '../helpers/seeded-random.cjs';

let host: TriggerHost;
const sandbox = useSandbox({
	reset: 'none',
	async setup(started) {
		host = await hostFor(started, { events: ['*'], consumerFilter: 'any' });
		await host.activate();
		await host.idle();
		return () => host.close();
	},
});

const rng = seededRandom(20261123);

const validPayload = () => ({
	event_type: 'crm.lead.created',
	unified_api: 'crm',
	service_id: 'salesforce',
	consumer_id: 'test-consumer',
	event_id: randomUUID(),
	entity_id: 'lead-1',
	entity_url: 'https://unify.apideck.com/crm/leads/lead-1',
	entity_type: 'lead',
	occurred_at: '2026-01-01T00:00:00.000Z',
	execution_attempt: 1,
});

const NOT_A_STRING = [42, 0, -1, 1.5, true, false, null, {}, [], ['crm.lead.created'], { id: 'x' }];
const junk = () =>
	rng.pick<unknown>([
		...NOT_A_STRING,
		'',
		'x'.repeat(5000),
		'\u0000\ud800',
		{ nested: { deeper: [1, { a: null }] } },
		Array.from({ length: rng.int(20) }, () => rng.int(1000)),
	]);

/** Payload objects that break the event schema in at least one required way. */
function brokenPayload(): unknown {
	const payload: Record<string, unknown> = validPayload();
	const breakRequired = rng.pick(['event_type', 'entity_id']);
	switch (rng.int(5)) {
		case 0:
			delete payload[breakRequired];
			break;
		case 1:
			payload[breakRequired] = rng.pick(NOT_A_STRING);
			break;
		case 2:
			payload[breakRequired] = breakRequired === 'event_type' ? 'x'.repeat(201) : '';
			break;
		case 3:
			payload.execution_attempt = rng.pick<unknown>([-1, 1.5, '2', 'NaN', [1]]);
			break;
		default:
			payload[rng.pick(['consumer_id', 'service_id', 'event_id', 'entity_url', 'occurred_at'])] =
				rng.pick<unknown>([42, true, {}, [], 'x'.repeat(5000)]);
	}
	// Extra unknown fields are allowed; sprinkle some so they never mask the real problem.
	for (let i = rng.int(3); i > 0; i--) payload[`extra_${rng.int(100)}`] = junk();
	return payload;
}

function brokenBody(): unknown {
	switch (rng.int(6)) {
		case 0:
			return rng.pick<unknown>([null, 42, 'text', true, [], [validPayload()]]);
		case 1:
			return { payload: rng.pick<unknown>([null, 42, 'text', [], [validPayload()], true]) };
		case 2:
			return { payload: {} };
		case 3:
			return { event: validPayload() };
		default:
			return { payload: brokenPayload() };
	}
}

function garbageText(): string {
	const valid = JSON.stringify({ payload: validPayload() });
	switch (rng.int(4)) {
		case 0:
			return valid.slice(0, rng.int(valid.length - 1));
		case 1:
			return Array.from({ length: 1 + rng.int(200) }, () =>
				String.fromCharCode(rng.int(0x7f)),
			).join('');
		case 2:
			return `${valid}}`;
		default:
			return valid.replace(/"/g, "'");
	}
}

type Case = {
	label: string;
	body: string;
	headers?: Record<string, string>;
	omitSignature?: boolean;
	expect: number[];
};

function cases(): Case[] {
	const list: Case[] = [];
	for (let i = 0; i < 600; i++) {
		list.push({ label: `signed broken #${i}`, body: JSON.stringify(brokenBody()), expect: [400] });
	}
	for (let i = 0; i < 200; i++) {
		const body = garbageText();
		const asText = rng.next() < 0.5;
		list.push({
			label: `garbage ${asText ? 'text' : 'json'} #${i}`,
			body,
			omitSignature: true,
			headers: asText ? { 'content-type': 'text/plain' } : undefined,
			// n8n refuses unparsable JSON itself (422); as text it reaches the node (400, or 401 if it parses).
			expect: asText ? [400, 401] : [422, 401],
		});
	}
	for (let i = 0; i < 200; i++) {
		list.push({
			label: `unsigned #${i}`,
			body: JSON.stringify({ payload: rng.next() < 0.5 ? validPayload() : brokenPayload() }),
			omitSignature: true,
			expect: [401],
		});
	}
	// Too deep to canonicalise: with a well-formed (wrong) digest the check must refuse, not crash.
	// (200 KB, under the 256 KB limit, so it reaches the signature check.)
	list.push({
		label: 'deep nesting',
		body: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
		omitSignature: true,
		headers: { 'x-apideck-signature': 'a'.repeat(64) },
		expect: [401],
	});
	list.push({
		label: '__proto__',
		body: JSON.stringify({ payload: { __proto__: validPayload() } }),
		expect: [400, 401],
	});
	return list;
}

it('answers every broken delivery with a 4xx and starts nothing', async () => {
	const all = cases();
	expect(all.length).toBeGreaterThanOrEqual(1000);
	const unexpected: string[] = [];
	for (let start = 0; start < all.length; start += 25) {
		await Promise.all(
			all.slice(start, start + 25).map(async (testCase) => {
				const [result] = await sandbox.webhooks.deliver(
					{ event_type: 'crm.lead.created', entity_id: 'x' },
					{
						rawBody: testCase.body,
						omitSignature: testCase.omitSignature,
						headers: testCase.headers,
					},
				);
				if (!testCase.expect.includes(result.status)) {
					unexpected.push(
						`${testCase.label}: ${result.status} ${result.body.slice(0, 120)} ← ${testCase.body.slice(0, 200)}`,
					);
				}
			}),
		);
	}
	await host.idle();
	expect(unexpected).toEqual([]);
	expect(host.executions).toHaveLength(0);
	expect(host.webhookErrors).toEqual([]);
	expect(host.responses.filter((r) => r.status >= 500)).toEqual([]);

	const [genuine] = await sandbox.webhooks.deliver({
		event_type: 'crm.lead.created',
		entity_id: 'after-fuzz',
	});
	await host.idle();
	expect(genuine.status).toBe(200);
	expect(host.executions).toHaveLength(1);
});
