/**
 * The Truto adapter (nodes/shared/truto) through n8n's engine against the Truto sandbox: the
 * integrated account on unified calls, bracket arrays, cursor paging, Truto's error shape, waits
 * and retries, and the token kept out of every error.
 */
import { trutoProbe } from '../helpers/probe.cjs';
import { useTruto } from '../helpers/use-sandbox.cjs';

const sandbox = useTruto({ seed: true, reset: 'requests' });
beforeEach(() => sandbox.faults.clear());

const hubspot = () => sandbox.accounts.id('hubspot');
const contacts = (parameters: object = {}, credentials = {}) =>
	trutoProbe(sandbox, { path: '/unified/crm/contacts', ...parameters }, credentials);
const lastQuery = () => sandbox.requests[sandbox.requests.length - 1];

describe('requests', () => {
	it('sends the bearer token and the credential’s integrated account on unified calls', async () => {
		const { error, items } = await contacts({ mode: 'list', limit: 2 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		const sent = sandbox.requests[0];
		expect(sent.headers.authorization).toBe(`Bearer ${sandbox.token}`);
		expect(sent.rawQuery).toBe(`integrated_account_id=${hubspot()}&limit=2`);
	});

	it('uses the integrated account the request names instead of the credential’s', async () => {
		const salesforce = sandbox.accounts.id('salesforce');
		const { error, items } = await contacts({ mode: 'list', integratedAccountId: salesforce });
		expect(error).toBeUndefined();
		expect(lastQuery().query.integrated_account_id).toBe(salesforce);
		expect(String(items[0].json.id)).toMatch(/^003/); // Salesforce contact ids
	});

	it('stops before sending when no integrated account is known, naming the item', async () => {
		const { error } = await contacts({}, { integratedAccountId: '' });
		expect(error?.message).toBe('No integrated account to call (item 0)');
		expect(error?.description).toMatch(/Integrated Account in the node/);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('leaves admin calls without an integrated account', async () => {
		const { error, items } = await trutoProbe(sandbox, { path: '/integrated-account' });
		expect(error).toBeUndefined();
		expect(lastQuery().rawQuery).toBe('');
		expect((items[0].json.result as unknown[]).length).toBeGreaterThan(0);
	});

	it('writes arrays with empty brackets and objects with brackets', async () => {
		await contacts({
			query: { truto_exclude_fields: ['remote_data', 'tags'], remote_query: { a: 'b c' } },
			mode: 'list',
			limit: 1,
		});
		expect(lastQuery().rawQuery).toBe(
			`integrated_account_id=${hubspot()}&truto_exclude_fields[]=remote_data&truto_exclude_fields[]=tags&remote_query[a]=b%20c&limit=1`,
		);
	});
});

describe('paging', () => {
	it('follows next_cursor until it is null with Return All', async () => {
		sandbox.store.insertMany(
			'notes',
			Array.from({ length: 230 }, (_, i) => ({ title: `n${i}` })),
			'pipedrive',
		);
		const { error, items } = await trutoProbe(sandbox, {
			path: '/unified/crm/notes',
			mode: 'list',
			returnAll: true,
			integratedAccountId: sandbox.accounts.id('pipedrive'),
		});
		expect(error).toBeUndefined();
		const total = sandbox.store.count('notes', 'pipedrive');
		expect(items).toHaveLength(total);
		expect(new Set(items.map((i) => i.json.id)).size).toBe(total);
		const pages = sandbox.requests.map((r) => r.query);
		expect(pages).toHaveLength(Math.ceil(total / 100));
		expect(pages[0].next_cursor).toBeUndefined();
		expect(pages[1].next_cursor).toEqual(expect.any(String));
		expect(pages.every((q) => q.limit === '100')).toBe(true);
	});

	it('asks for exactly what is left of a limit', async () => {
		sandbox.store.insertMany(
			'tasks',
			Array.from({ length: 150 }, (_, i) => ({ subject: `t${i}` })),
		);
		const { items } = await trutoProbe(sandbox, {
			path: '/unified/crm/tasks',
			mode: 'list',
			limit: 130,
		});
		expect(items).toHaveLength(130);
		expect(sandbox.requests.map((r) => r.query.limit)).toEqual(['100', '30']);
	});

	it('stops with a clear error when a cursor comes back twice', async () => {
		sandbox.faults.repeatCursor({ times: 3 });
		const { error } = await contacts({ mode: 'list', returnAll: true });
		expect(error?.message).toBe('Truto kept returning the same page');
		expect(error?.description).toMatch(/returned twice/);
	});

	it('says so when a list answer has no result array instead of taking it as empty', async () => {
		sandbox.faults.error({ status: 200, message: 'not a list' });
		const { error } = await contacts({ mode: 'list' });
		expect(error?.message).toMatch(/without a "result" array \(keys: statusCode, error, message/);
	});
});

describe('errors', () => {
	it('a CRM 401 says to reconnect the integrated account, with the CRM’s own answer', async () => {
		const { error } = await contacts({ integratedAccountId: sandbox.accounts.id('expired') });
		expect(error?.message).toBe(
			"The CRM rejected the integrated account's credentials: Close rejected the stored credentials; reconnect the integrated account",
		);
		expect(error?.description).toMatch(/The CRM's answer: .*expired/);
		expect(error?.description).toMatch(/Reconnect this integrated account in Truto/);
		expect((error as { httpCode?: string }).httpCode).toBe('401');
	});

	it('a wrong token says Truto rejected it, and never repeats it', async () => {
		const { error } = await contacts({}, { apiToken: 'wrong-token-123' });
		expect(error?.message).toMatch(/^Truto rejected the API token/);
		expect(error?.description).toMatch(/Settings → API Tokens/);
		expect(JSON.stringify({ ...error, m: error?.message, d: error?.description })).not.toContain(
			'wrong-token-123',
		);
	});

	it('a blocked account (503) says so and is not retried', async () => {
		const { error } = await contacts({ integratedAccountId: sandbox.accounts.id('blocked') });
		expect(error?.message).toMatch(/^The integrated account is blocked in Truto: /);
		expect(error?.description).toMatch(/Unblock the integrated account/);
		expect(sandbox.requests).toHaveLength(1);
	});

	it('a 503 of the admin API is Truto failing, not a blocked account: retried, then said so', async () => {
		const admin = (method: string) =>
			trutoProbe(sandbox, { path: `/webhook/${'0'.repeat(8)}`, method });
		sandbox.faults.serverError({ status: 503, method: 'DELETE', path: /^\/webhook\// });
		expect((await admin('DELETE')).error?.message).toMatch(/^Truto found nothing to answer this/);
		expect(sandbox.requests.filter((r) => r.method === 'DELETE')).toHaveLength(2);

		sandbox.faults.serverError({ status: 503, times: 10, method: 'GET', path: /^\/webhook\// });
		const { error } = await admin('GET');
		expect(error?.message).toMatch(/^Truto failed to answer/);
		expect(error?.message).not.toMatch(/blocked/);
		expect(sandbox.requests.filter((r) => r.method === 'GET').length).toBeGreaterThan(1);
	});

	it('a write on a sandbox account (405) says accounts of that kind are read-only', async () => {
		const { error } = await contacts({
			method: 'POST',
			body: { first_name: 'A' },
			integratedAccountId: sandbox.accounts.id('readOnly'),
		});
		expect(error?.message).toMatch(/^Truto does not allow this on this integrated account/);
		expect(error?.description).toMatch(/read-only/);
	});

	it('validation failures and Truto’s insight become description lines', async () => {
		const { error } = await contacts({
			method: 'POST',
			body: { email_addresses: [{ email: 'a@b.c' }], shoe_size: 42 },
		});
		expect(error?.message).toMatch(/^Truto rejected the request: /);
		expect(error?.description).toContain('  • email_addresses[0].type is required');
		expect(error?.description).toContain('  • shoe_size is not a field of this method');
		expect(error?.description).toMatch(/Missing fields: .*email_addresses\[0\]\.type/);
	});

	it('a remote 422 leads with what the CRM said', async () => {
		sandbox.faults.error({
			status: 422,
			remote: true,
			message: '',
			rawResponse: { errors: [{ message: 'Email is invalid' }] },
		});
		const { error } = await contacts({ method: 'POST', body: { first_name: 'A' } });
		expect(error?.message).toBe('The CRM rejected the data: Email is invalid (item 0)');
		expect(error?.description).toContain(
			`The CRM's answer: {"errors":[{"message":"Email is invalid"}]}`,
		);
	});

	it('an answer that is not JSON is quoted', async () => {
		sandbox.faults.malformedJson({ times: 5 });
		const { error } = await contacts();
		expect(error?.message).toBe('Truto failed to answer (after 5 attempts)');
		expect(error?.description).toMatch(/Truto answered 502 with a body that is not JSON/);
	});

	it('the token in an echoed error is redacted', async () => {
		sandbox.faults.error({ status: 400, message: `bad token ${sandbox.token} here` });
		const { error } = await contacts();
		expect(error?.message).toBe('Truto rejected the request: bad token [redacted] here (item 0)');
		expect(JSON.stringify(error)).not.toContain(sandbox.token);
	});
});

describe('waits', () => {
	it('waits for Retry-After on a 429 and then succeeds', async () => {
		sandbox.faults.rateLimit({ times: 2, retryAfterSeconds: 0 });
		const { error, items } = await contacts({ mode: 'list', limit: 1 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(sandbox.requests).toHaveLength(3);
	});

	it('without Retry-After, waits for ratelimit-reset once the window is used up', async () => {
		sandbox.faults.error({
			status: 429,
			message: 'slow down',
			headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': '0' },
		});
		const { error } = await contacts({ mode: 'list', limit: 1 });
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(2);
	});

	it('a Retry-After beyond the retry budget fails at once, naming Truto’s rate limit', async () => {
		sandbox.faults.rateLimit({ retryAfterSeconds: 120, remote: false });
		const { error } = await contacts();
		expect(error?.message).toBe("Truto's rate limit was reached: Too many requests to Truto");
		expect(error?.description).toMatch(/retry budget/);
		expect(sandbox.requests).toHaveLength(1);
	});

	it('a create is not retried after a 500 and says it may have happened', async () => {
		sandbox.faults.serverError({ status: 500, processed: true });
		const { error } = await contacts({ method: 'POST', body: { first_name: 'Once' } });
		expect(error?.message).toBe(
			'Truto failed to answer: The sandbox failed on purpose (injected 500 fault)',
		);
		expect(error?.description).toMatch(/may have carried out this request/);
		expect(sandbox.requests).toHaveLength(1);
	});
});
