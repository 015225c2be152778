/**
 * Apideck waits for the webhook's answer and sends the event again when it waits too long, so
 * the trigger bounds the time it spends reading the record (about 10 s with its retry) and
 * emits the event anyway, with the reason, when the read did not finish.
 */
import { startBlackHole, type BlackHole } from '../helpers/black-hole.cjs';
import type { TriggerHost } from '../helpers/trigger-host.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';
import { hostFor, leadCreated, postAsApideck } from './fixtures.cjs';

/** How long Apideck is taken to wait for an answer here; the trigger promises about 10 s. */
const APIDECK_PATIENCE_MS = 12_000;

const sandbox = useSandbox();
let hole: BlackHole;
let host: TriggerHost;

beforeAll(async () => {
	hole = await startBlackHole();
	// Apideck signs and delivers (the sandbox); the CRM reads go to an API that never answers.
	host = await hostFor(
		sandbox,
		{ events: ['*'], fetchFullRecord: true },
		{ credentials: { baseUrl: hole.url } },
	);
});
afterAll(async () => {
	await host.close();
	await hole.close();
});

it(
	'answers before Apideck gives up when the record cannot be read, and still emits the event',
	async () => {
		const event = leadCreated();
		const answer = await postAsApideck(sandbox, host, event, APIDECK_PATIENCE_MS);
		expect(answer).toEqual({ status: 200, body: expect.stringContaining('Workflow was started') });
		await host.idle();

		expect(host.executions).toHaveLength(1);
		const item = host.executions[0][0].json;
		expect(item).toMatchObject({ event_id: event.event_id, entity_id: event.entity_id });
		expect(item.record).toBeUndefined();
		expect(item.recordError).toMatchObject({
			message: expect.stringMatching(/Could not fetch the lead: .*did not answer in time/),
			hint: expect.stringMatching(/Apideck CRM node/),
		});
		expect(hole.connections()).toBe(2);
	},
	APIDECK_PATIENCE_MS + 10_000,
);
