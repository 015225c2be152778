/**
 * The Timeout option bounds the whole of each attempt, the body included: a server that sends
 * its answer one byte at a time cannot hold the node (or the trigger's record read) beyond it.
 * The sandbox records how much of a trickled body it sent and whether the client left early.
 */
import type { RecordedRequest } from '../../sandbox/apideck/index.cjs';
import { runNode } from '../helpers/engine.cjs';
import { eventually } from '../helpers/eventually.cjs';
import { sandboxCredentials } from '../helpers/sandbox-credentials.cjs';
import type { TriggerHost } from '../helpers/trigger-host.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';
import { hostFor, leadCreated, postAsApideck } from '../trigger/fixtures.cjs';

const sandbox = useSandbox();
beforeEach(() => sandbox.faults.clear());

/** Long enough that a client waiting for the whole body would take about 20 s. */
const EVERY_MS = 150;

/** Whether the client went away before the trickled body was complete, once the sandbox knows. */
async function clientLeft(request: RecordedRequest): Promise<boolean> {
	await eventually(() => !!request.trickle?.closed, `the end of ${request.method} ${request.path}`);
	return request.trickle!.clientLeft;
}

const node = (parameters: object) =>
	runNode({
		type: 'apideckCrm',
		parameters: { resource: 'lead', ...parameters },
		credentials: sandboxCredentials(sandbox),
	});

test('a create whose answer trickles in fails at the Timeout and is not sent again', async () => {
	sandbox.faults.trickle({ everyMs: EVERY_MS, method: 'POST' });
	const { error } = await node({
		operation: 'create',
		name: 'Trickle Lead',
		options: { timeout: 1000, returnRecord: false },
	});

	expect(error?.message).toBe('Apideck did not answer in time (POST /crm/leads)');
	expect(error?.description).toContain('did not arrive within 1000 ms');
	expect(error?.description).toMatch(/may have carried out this request/);
	const posts = sandbox.requests.filter((r) => r.method === 'POST');
	expect(posts).toHaveLength(1);
	expect(await clientLeft(posts[0])).toBe(true);
	expect(posts[0].trickle!.sent).toBeLessThan(posts[0].trickle!.total);
});

test('a read whose answer trickles in is given up at the Timeout and read again', async () => {
	const lead = sandbox.store.insert('leads', { name: 'Slow Body' });
	sandbox.faults.trickle({ everyMs: EVERY_MS, method: 'GET' });
	const { items, error } = await node({
		operation: 'get',
		id: { __rl: true, mode: 'id', value: lead.id },
		options: { timeout: 1000 },
	});

	expect(error).toBeUndefined();
	expect(items.map((item) => item.json.id)).toEqual([lead.id]);
	const [first, second] = sandbox.requests;
	expect(await clientLeft(first)).toBe(true);
	expect(second.trickle).toBeUndefined();
});

describe("the trigger's record read", () => {
	let host: TriggerHost;
	beforeAll(async () => {
		host = await hostFor(sandbox, { events: ['*'], fetchFullRecord: true });
	});
	afterAll(() => host.close());

	it('gives up a trickling record within its budget and still emits the event', async () => {
		const lead = sandbox.store.insert('leads', { name: 'Trickled Record' });
		sandbox.faults.trickle({ everyMs: EVERY_MS, method: 'GET', times: 2 });
		const event = leadCreated({ entity_id: String(lead.id) });
		const answer = await postAsApideck(sandbox, host, event, 25_000);
		await host.idle();

		expect(answer.status).toBe(200);
		expect(host.executions).toHaveLength(1);
		const item = host.executions[0][0].json;
		expect(item.record).toBeUndefined();
		expect(item.recordError).toMatchObject({
			message: expect.stringMatching(/Could not fetch the lead: .*did not answer in time/),
		});
		const reads = sandbox.requests.filter((r) => r.path.startsWith('/crm/leads/'));
		expect(reads).toHaveLength(2);
		for (const read of reads) expect(await clientLeft(read)).toBe(true);
	}, 40_000);
});
