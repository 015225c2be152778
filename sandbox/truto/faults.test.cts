import type { TrutoSandbox } from './index.cjs';
import { useTrutoSandbox } from './test-support.cjs';

let sandbox: TrutoSandbox;
const { restart, unified } = useTrutoSandbox({ seed: true }, (s) => (sandbox = s));

describe('rate limits and faults', () => {
	it('limits the token’s request rate with Truto’s 429 and rate-limit headers', async () => {
		sandbox.setRateLimit(3);
		const statuses = [];
		for (let i = 0; i < 5; i++) statuses.push((await unified('hubspot', 'users')).status);
		expect(statuses).toEqual([200, 200, 200, 429, 429]);
		const limited = await unified('hubspot', 'users');
		expect(limited.json).toEqual({
			statusCode: 429,
			error: 'Too Many Requests',
			message: expect.stringMatching(/3 requests per 1 s/),
		});
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect(limited.headers.get('ratelimit-limit')).toBe('3');
		expect(limited.headers.get('ratelimit-remaining')).toBe('0');
		expect(Number(limited.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
		sandbox.setRateLimit(undefined);
		expect((await unified('hubspot', 'users')).status).toBe(200);
	});

	it('can limit per window of several seconds, as Truto does', async () => {
		await restart({ seed: true, rateLimit: { limit: 2, windowSeconds: 10 } });
		await unified('hubspot', 'users');
		await unified('hubspot', 'users');
		const limited = await unified('hubspot', 'users');
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(5);
	});

	it('answers a CRM’s 429 as a remote error with Retry-After, then recovers', async () => {
		sandbox.faults.rateLimit({ retryAfterSeconds: 7, path: '/unified/crm/leads', limit: 40 });
		expect((await unified('hubspot', 'contacts')).status).toBe(200);
		const limited = await unified('hubspot', 'leads');
		expect(limited.status).toBe(429);
		expect(limited.json).toMatchObject({
			truto_is_remote_error: true,
			raw_response: expect.anything(),
			truto_error_insight: { rate_limit_error: { value: 7 } },
		});
		expect(limited.headers.get('retry-after')).toBe('7');
		expect(limited.headers.get('ratelimit-limit')).toBe('40');
		expect(limited.headers.get('ratelimit-reset')).toBe('7');
		expect((await unified('hubspot', 'leads')).status).toBe(200);
		sandbox.faults.rateLimit({ remote: false });
		expect((await unified('hubspot', 'leads')).json.truto_is_remote_error).toBeUndefined();
	});

	it('bursts 5xx and can break a create after performing it', async () => {
		sandbox.faults.serverError({ status: 502, times: 2, method: 'GET', remote: true });
		const failed = await unified('hubspot', 'leads');
		expect(failed.json).toMatchObject({ statusCode: 502, truto_is_remote_error: true });
		expect((await unified('hubspot', 'leads')).status).toBe(502);
		expect((await unified('hubspot', 'leads')).status).toBe(200);

		const before = sandbox.store.count('leads');
		sandbox.faults.serverError({ processed: true });
		const res = await unified('hubspot', 'leads', { method: 'POST', body: { first_name: 'B' } });
		expect(res.json).toMatchObject({ statusCode: 500, error: 'Internal Server Error' });
		expect(sandbox.store.count('leads')).toBe(before + 1);
	});

	it('slows, garbles, hangs up and breaks cursors on demand', async () => {
		sandbox.faults.slow({ ms: 300 });
		const started = Date.now();
		await unified('hubspot', 'leads');
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);

		sandbox.faults.malformedJson();
		const garbled = await unified('hubspot', 'leads');
		expect(garbled.status).toBe(200);
		expect(() => JSON.parse(garbled.text)).toThrow();

		sandbox.faults.hangUp();
		await expect(unified('hubspot', 'leads')).rejects.toThrow();

		sandbox.faults.repeatCursor({ path: '/unified/crm/leads' });
		const repeated = await unified('hubspot', 'leads', { query: 'limit=1' });
		const again = await unified('hubspot', 'leads', {
			query: `limit=1&next_cursor=${repeated.json.next_cursor}`,
		});
		expect(again.json.result).toEqual(repeated.json.result);

		sandbox.faults.invalidCursor();
		expect((await unified('hubspot', 'leads')).json.message).toMatch(/next_cursor/);

		sandbox.faults.error({
			status: 403,
			remote: true,
			rawResponse: { message: 'missing scope crm.objects.leads.read' },
			insight: { forbidden_error: { description: 'Scopes', value: ['crm.objects.leads.read'] } },
		});
		const forbidden = await unified('hubspot', 'leads');
		expect(forbidden.json).toMatchObject({
			statusCode: 403,
			error: 'Forbidden',
			truto_is_remote_error: true,
			raw_response: { message: 'missing scope crm.objects.leads.read' },
			truto_error_insight: { forbidden_error: { value: ['crm.objects.leads.read'] } },
		});
		expect(sandbox.faults.pending()).toEqual([]);
	});

	it('records requests with the raw path, raw and parsed query and body', async () => {
		sandbox.clearRequests();
		await unified('hubspot', 'leads', {
			method: 'POST',
			query: 'truto_exclude_fields%5B%5D=owner',
			body: { first_name: 'R' },
		});
		const [req] = sandbox.requests;
		expect(req).toMatchObject({
			method: 'POST',
			path: '/unified/crm/leads',
			query: {
				integrated_account_id: sandbox.accounts.id('hubspot'),
				truto_exclude_fields: { '': 'owner' },
			},
			body: { first_name: 'R' },
		});
		expect(req.rawQuery).toContain('truto_exclude_fields%5B%5D=owner');
		expect(req.headers.authorization).toBe(`Bearer ${sandbox.token}`);
	});

	it('answers create with 200 when chosen', async () => {
		await restart({ seed: true, createStatus: 200 });
		const res = await unified('hubspot', 'notes', { method: 'POST', body: { content: 'x' } });
		expect(res.status).toBe(200);
	});
});
