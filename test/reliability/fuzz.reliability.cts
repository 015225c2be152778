/**
 * 10,000 fuzzed deliveries over real HTTP to the trigger's webhook(): mutated events, random
 * JSON, broken JSON, deep nesting, huge strings, prototype keys, odd signatures and content
 * types; about half correctly signed so they reach validation. None may crash the trigger
 * (no 5xx, no error out of webhook(), no dropped connection), every execution must carry a real
 * event, and a genuine delivery afterwards must still start its execution.
 */
import { Pool } from 'undici';

import type { TriggerHost } from '../helpers/trigger-host.cjs';
import { signBody } from '../../sandbox/apideck/index.cjs';
import { capture, installCapture, releaseCapture } from './support/capture.cjs';
import { activeTriggerHost, stopTriggerHost, useReliabilitySandbox } from './support/fixtures.cjs';
import { secretScan } from './support/secret-scan.cjs';
import { verify } from './support/verify.cjs';
import { seededRandom } from '../helpers/seeded-random.cjs';

installCapture();

const COUNT = Number(process.env.RELIABILITY_FUZZ_COUNT ?? 10_000);
const CONCURRENCY = 16;
let host: TriggerHost;
const sandbox = useReliabilitySandbox({
	async setup(started) {
		host = await activeTriggerHost(started);
		return () => stopTriggerHost(host);
	},
});
afterAll(() => releaseCapture());

const rng = seededRandom(Number(process.env.RELIABILITY_FUZZ_SEED ?? 7_000_001));

const FIELDS = [
	'event_type',
	'unified_api',
	'service_id',
	'consumer_id',
	'event_id',
	'entity_id',
	'entity_url',
	'entity_type',
	'occurred_at',
	'execution_attempt',
];

function deep(depth: number, array: boolean): string {
	return array
		? `${'['.repeat(depth)}1${']'.repeat(depth)}`
		: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

function junk(): unknown {
	return rng.pick<() => unknown>([
		() => rng.int(1e9) - 5e8,
		() => rng.next(),
		() => rng.pick([true, false, null]),
		() => '',
		() => 'x'.repeat(rng.pick([1, 201, 1001, 4001, 100_000])),
		() => '\u0000\u202e\ud83d\ude00\uffff',
		() => [],
		() => ({}),
		() => Array.from({ length: rng.int(50) }, () => rng.int(100)),
		() => ({ nested: { deeper: [1, { a: null }] } }),
		() => 'crm.lead.created',
		() => '*',
		() => '../../etc/passwd',
		() => '<script>alert(1)</script>',
		() => ({ toString: 'x', valueOf: 1 }),
	])();
}

function event(i: number): Record<string, unknown> {
	return {
		event_type: rng.pick([
			'crm.lead.created',
			'crm.contact.updated',
			'crm.company.deleted',
			'crm.opportunity.updated',
		]),
		unified_api: 'crm',
		service_id: 'salesforce',
		consumer_id: 'test-consumer',
		event_id: `fuzz-${i}-${rng.int(1e9)}`,
		entity_id: `id-${i}`,
		entity_url: `https://unify.apideck.com/crm/leads/id-${i}`,
		entity_type: 'lead',
		occurred_at: new Date(1_767_225_600_000 + i).toISOString(),
		execution_attempt: 1,
	};
}

interface Case {
	kind: string;
	body: string;
	headers: Record<string, string>;
}

function mutatedEvent(i: number): unknown {
	const payload = event(i);
	const edits = 1 + rng.int(3);
	for (let e = 0; e < edits; e++) {
		const field = rng.pick(FIELDS);
		if (rng.next() < 0.3) delete payload[field];
		else payload[field] = junk();
	}
	if (rng.next() < 0.2) payload[`extra_${rng.int(100)}`] = junk();
	return rng.next() < 0.8 ? { payload } : payload;
}

function makeCase(i: number): Case {
	const kind = rng.pick([
		'mutated event',
		'mutated event',
		'mutated event',
		'random JSON',
		'broken JSON',
		'deep nesting',
		'prototype keys',
		'duplicate keys',
		'odd signature',
		'odd content type',
	]);
	let body: string;
	switch (kind) {
		case 'random JSON':
			body = JSON.stringify(
				rng.pick<unknown>([
					junk(),
					[event(i)],
					{ payload: junk() },
					{ payload: [event(i)] },
					{ message: junk() },
				]),
			);
			break;
		case 'broken JSON': {
			const text = JSON.stringify({ payload: event(i) });
			body = rng.pick([
				text.slice(0, rng.int(text.length)),
				`${text}}`,
				text.replace(/"/g, "'"),
				'\u0000\u0001\u0002',
				'null',
				'NaN',
				'\ufeff' + text,
			]);
			break;
		}
		case 'deep nesting':
			body =
				rng.next() < 0.5
					? deep(rng.pick([100, 1000, 5000, 20_000]), rng.next() < 0.5)
					: `{"payload":${deep(rng.pick([100, 3000]), false)}}`;
			break;
		case 'prototype keys':
			body = `{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"payload":${JSON.stringify(event(i)).replace('{', '{"__proto__":{"polluted":1},')}}`;
			break;
		case 'duplicate keys':
			body = `{"payload":${JSON.stringify(event(i))},"payload":${JSON.stringify(mutatedEvent(i))}}`;
			break;
		default:
			body = JSON.stringify(mutatedEvent(i));
	}
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	let signature: string | undefined;
	if (rng.next() < 0.5) {
		try {
			signature = signBody(body, sandbox.apiKey, rng.next() < 0.5 ? 'hex' : 'base64');
		} catch {
			signature = undefined; // not JSON, or too deep to sign: sent unsigned
		}
	}
	if (kind === 'odd signature') {
		signature = rng.pick([
			'',
			'sha256=',
			'a'.repeat(64),
			'z'.repeat(64),
			'x'.repeat(10_000),
			'AAAA',
			`sha256=${signBody(body, 'wrong')}`,
			`${signBody(body, sandbox.apiKey)}0`,
		]);
	}
	if (kind === 'odd content type') {
		headers['content-type'] = rng.pick([
			'text/plain',
			'application/x-www-form-urlencoded',
			'application/octet-stream',
			'application/json; charset=latin1',
			'multipart/form-data; boundary=x',
		]);
	}
	if (signature !== undefined) headers['x-apideck-signature'] = signature;
	if (rng.next() < 0.1)
		headers['x-apideck-event-type'] = rng.pick([
			'crm.lead.created',
			'apideck.subscription.created',
			'',
		]);
	if (rng.next() < 0.5) headers['x-apideck-idempotency-key'] = `key-${i}`;
	return { kind, body, headers };
}

test(`${COUNT.toLocaleString('en-US')} fuzzed deliveries: no crash, no bogus execution`, async () => {
	const pool = new Pool(host.url, { connections: CONCURRENCY });
	const path = new URL(host.webhookUrl).pathname;
	const statuses = new Map<number, number>();
	const crashes: string[] = [];
	let next = 0;
	const worker = async () => {
		while (next < COUNT) {
			const i = next++;
			const c = makeCase(i);
			try {
				const response = await pool.request({
					path,
					method: 'POST',
					headers: c.headers,
					body: c.body,
				});
				await response.body.text();
				statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
				if (response.statusCode >= 500)
					crashes.push(`#${i} ${c.kind}: HTTP ${response.statusCode}`);
			} catch (error) {
				crashes.push(`#${i} ${c.kind}: ${(error as Error).message}`);
			}
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	await host.idle();
	await pool.close();

	const bogus = host.executions.filter((items) => {
		const json = items[0]?.json ?? {};
		return (
			typeof json.event_type !== 'string' ||
			typeof json.entity_id !== 'string' ||
			!json.event_type ||
			!json.entity_id
		);
	}).length;
	const fuzzExecutions = host.executions.length;
	const polluted = ({} as Record<string, unknown>).polluted !== undefined;

	// A genuine delivery still works afterwards.
	const results = await sandbox.webhooks.deliver({
		event_type: 'crm.lead.created',
		entity_id: 'after-fuzz',
		consumer_id: 'test-consumer',
		service_id: 'salesforce',
	});
	await host.idle();
	const stillWorks =
		results[0]?.status === 200 && host.executions.at(-1)?.[0]?.json.entity_id === 'after-fuzz';

	capture('fuzz host', {
		responses: host.responses.slice(-500),
		errors: host.webhookErrors,
		executions: host.executions.slice(-200),
	});
	const summary = [...statuses.entries()]
		.sort(([a], [b]) => a - b)
		.map(([s, n]) => `${s}×${n}`)
		.join(' ');
	verify(
		__filename,
		{
			area: 'Webhooks',
			scenario: `${COUNT.toLocaleString('en-US')} fuzzed payloads`,
			injected: 'mutated/random/broken/deep/proto/dup-key/odd sig/odd type',
			requests: COUNT,
			items: summary,
			failures: `${crashes.length + host.webhookErrors.length} crashes${crashes[0] ? ` (${crashes[0]})` : ''}`,
			rejected: `${COUNT - (statuses.get(200) ?? 0)} refused (4xx)`,
			executions: `${fuzzExecutions} (${bogus} bogus)`,
		},
		{
			crashes,
			webhookErrors: host.webhookErrors.map((e) => e.message),
			bogus,
			polluted,
			stillWorks,
			answered: [...statuses.values()].reduce((a, b) => a + b, 0),
		},
		{
			crashes: [],
			webhookErrors: [],
			bogus: 0,
			polluted: false,
			stillWorks: true,
			answered: COUNT,
		},
	);
});

test('the API key appears nowhere in what the fuzz run produced or logged', () => {
	secretScan(__filename, 'Webhooks (fuzz)');
});
