import { probe } from '../helpers/probe.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';

const sandbox = useSandbox({
	reset: 'requests',
	setup(started) {
		started.store.insert('leads', { id: 'l1', name: 'Ann' });
	},
});
beforeEach(() => sandbox.faults.clear());

const getLead = () => probe(sandbox, { path: '/crm/leads/l1' });
const createLead = () =>
	probe(sandbox, { method: 'POST', path: '/crm/leads', body: { name: 'New' } });
const gaps = () => sandbox.requests.slice(1).map((r, i) => r.at - sandbox.requests[i].at);

test('a 429 is retried after the Retry-After the server asked for', async () => {
	sandbox.faults.rateLimit({ retryAfterSeconds: 1 });
	const { items, error } = await getLead();
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ data: { id: 'l1' } });
	expect(sandbox.requests).toHaveLength(2);
	expect(gaps()[0]).toBeGreaterThanOrEqual(950);
});

test('the downstream rate-limit reset header is honoured when Retry-After is absent', async () => {
	sandbox.faults.error({
		status: 429,
		typeName: 'ConnectorRateLimitError',
		headers: { 'x-downstream-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1) },
	});
	const { error } = await getLead();
	expect(error).toBeUndefined();
	expect(sandbox.requests).toHaveLength(2);
	expect(gaps()[0]).toBeGreaterThanOrEqual(400);
});

test('a 5xx burst on a read is retried with backoff until it succeeds', async () => {
	sandbox.faults.serverError({ status: 503, times: 2 });
	const { error } = await getLead();
	expect(error).toBeUndefined();
	expect(sandbox.requests).toHaveLength(3);
});

test('a POST that may have been processed (5xx) is not retried: no duplicate create', async () => {
	const before = sandbox.store.count('leads');
	sandbox.faults.serverError({ status: 500, method: 'POST', processed: true });
	const { error } = await createLead();
	expect((error as { httpCode?: string }).httpCode).toBe('500');
	expect(error?.description).toContain('Request: POST /crm/leads');
	expect(error?.description).not.toContain('Gave up');
	expect(sandbox.requests).toHaveLength(1);
	expect(sandbox.store.count('leads')).toBe(before + 1);
});

test('a POST refused with 429 is retried, creating exactly one record', async () => {
	const before = sandbox.store.count('leads');
	sandbox.faults.rateLimit({ retryAfterSeconds: 0, method: 'POST' });
	const { error } = await createLead();
	expect(error).toBeUndefined();
	expect(sandbox.requests).toHaveLength(2);
	expect(sandbox.store.count('leads')).toBe(before + 1);
});

test('retries are bounded and the final error says how many attempts were made', async () => {
	sandbox.faults.rateLimit({
		retryAfterSeconds: 0,
		times: Infinity,
		typeName: 'RequestLimitError',
	});
	const { error } = await getLead();
	expect(sandbox.requests).toHaveLength(5);
	expect(error?.message).toBe(
		'The Apideck request limit was reached: Too many requests to the connector (after 5 attempts)',
	);
	expect(error?.description).toContain('Gave up after 5 attempts.');
});

test('a Retry-After beyond the retry budget stops at once with an explanation', async () => {
	sandbox.faults.rateLimit({ retryAfterSeconds: 3600 });
	// Waiting the hour would outlast the test's own timeout; one request means it did not retry.
	const { error } = await getLead();
	expect(sandbox.requests).toHaveLength(1);
	expect(error?.description).toMatch(/would exceed the 60 s retry budget/);
});
