/**
 * Adaptive pacing on Truto: the adapter names its ratelimit-limit / -remaining / -reset headers
 * and the core's pace holds the run until a used-up window resets. Counted, never timed.
 */
import { runNode } from '../helpers/engine.cjs';
import { trutoCredentials } from '../helpers/sandbox-credentials.cjs';
import { useTruto } from '../helpers/use-sandbox.cjs';

const sandbox = useTruto({ reset: 'records' });
beforeEach(() => {
	sandbox.faults.clear();
	sandbox.setRateLimit(undefined);
});

const names = (n: number) => Array.from({ length: n }, (_, i) => `Lead ${i}`);

const createLeads = (count: number) =>
	runNode({
		type: 'trutoCrm',
		parameters: {
			resource: 'lead',
			operation: 'create',
			additionalFields: { first_name: '={{ $json.name }}' },
			options: { returnRecord: false },
		},
		input: names(count).map((name) => ({ json: { name } })),
		continueOnFail: true,
		credentials: trutoCredentials(sandbox),
	});

/** How many times the most-sent lead was sent. */
function mostSends(): number {
	const sends = new Map<string, number>();
	for (const request of sandbox.requests) {
		const name = (request.body as { first_name: string }).first_name;
		sends.set(name, (sends.get(name) ?? 0) + 1);
	}
	return Math.max(...sends.values());
}

it('holds every request once ratelimit-remaining says the window is used up, until ratelimit-reset', async () => {
	sandbox.setRateLimit(4, { windowSeconds: 3, announce: true });
	const { items, error } = await createLeads(12);
	expect(error).toBeUndefined();
	expect(items.filter((item) => item.json.error !== undefined)).toEqual([]);
	expect(sandbox.store.count('leads')).toBe(12);
	// Requests sent before the first answer said so are refused once; none is refused twice.
	expect(mostSends()).toBeLessThanOrEqual(2);
});

it('learns a per-second limit from 429s: nothing lost, nothing created twice', async () => {
	sandbox.setRateLimit(5);
	const { items } = await createLeads(30);
	expect(items.filter((item) => item.json.error !== undefined)).toEqual([]);
	const stored = sandbox.store.list('leads').map((lead) => String(lead.first_name));
	expect([...stored].sort()).toEqual([...names(30)].sort());
	expect(sandbox.requests.length - 30).toBeLessThanOrEqual(15);
});
