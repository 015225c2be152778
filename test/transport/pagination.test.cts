import { probe } from '../helpers/probe.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';

const sandbox = useSandbox({
	reset: 'requests',
	setup(started) {
		started.store.insertMany(
			'contacts',
			Array.from({ length: 450 }, (_, i) => ({
				id: `c${String(i).padStart(3, '0')}`,
				name: `Contact ${i}`,
			})),
		);
	},
});
beforeEach(() => sandbox.faults.clear());

const list = (parameters: object) =>
	probe(sandbox, { mode: 'list', path: '/crm/contacts', ...parameters });

test('Return All walks every page at 200 records a page, one item per record', async () => {
	const { items, error } = await list({ returnAll: true });
	expect(error).toBeUndefined();
	expect(items).toHaveLength(450);
	expect(new Set(items.map((item) => item.json.id)).size).toBe(450);
	expect(sandbox.requests).toHaveLength(Math.ceil(450 / 200));
	expect(sandbox.requests.map((r) => r.query.limit)).toEqual(['200', '200', '200']);
	expect(sandbox.requests[0].query.cursor).toBeUndefined();
	expect(sandbox.requests[1].query.cursor).toEqual(expect.any(String));
	expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
});

test('a limit stops exactly, asking only for what is still missing', async () => {
	const { items } = await list({ returnAll: false, limit: 250 });
	expect(items).toHaveLength(250);
	expect(sandbox.requests.map((r) => r.query.limit)).toEqual(['200', '50']);
});

test('a limit inside the first page costs one request', async () => {
	const { items } = await list({ returnAll: false, limit: 7 });
	expect(items.map((item) => item.json.id)).toHaveLength(7);
	expect(sandbox.requests).toHaveLength(1);
	expect(sandbox.requests[0].query.limit).toBe('7');
});

test('a server that repeats a cursor is stopped with a clear error, not looped forever', async () => {
	sandbox.faults.repeatCursor({ times: Infinity });
	const { error } = await list({ returnAll: true });
	expect(error?.message).toBe('Apideck kept returning the same page');
	expect(error?.description).toMatch(/returned twice/);
	expect(sandbox.requests.length).toBeLessThanOrEqual(3);
});
