import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { probe } from '../helpers/probe.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';

const sandbox = useSandbox({ reset: 'requests' });
beforeEach(() => sandbox.faults.clear());

const get = (parameters: object = {}, credentials = {}) =>
	probe(
		sandbox,
		{ path: '/crm/leads', mode: 'list', returnAll: false, limit: 5, ...parameters },
		credentials,
	);

test.each([
	['UnauthorizedError', 401, 'Apideck rejected the credentials', '', /API key and application ID/],
	[
		'ConnectionNotFoundError',
		404,
		'No CRM is connected for this consumer and service',
		' (item 0)',
		/Connect the CRM for this consumer in Apideck Vault/,
	],
	[
		'ConnectorCredentialsError',
		401,
		"The CRM connection's credentials are invalid or expired",
		'',
		/reconnect the CRM/,
	],
	[
		'UnsupportedFiltersError',
		400,
		'The connector does not support this filter',
		' (item 0)',
		/cannot filter on that field/,
	],
	[
		'UnsupportedSortFieldError',
		400,
		'The connector does not support sorting on this field',
		' (item 0)',
		/cannot sort on that field/,
	],
	[
		'InvalidCursorError',
		400,
		'The page cursor is invalid',
		' (item 0)',
		/starts from the first page/,
	],
	['RequestLimitError', 402, 'The Apideck request limit was reached', '', /request limit/],
	['EntityNotFoundError', 404, 'The record was not found', ' (item 0)', /Check the ID/],
])(
	'%s: the headline goes on with what Apideck said; type, ref, request id and a hint follow',
	async (typeName, status, title, item, hint) => {
		sandbox.faults.error({
			status,
			typeName,
			message: `Upstream says ${typeName}`,
			detail: 'Some detail',
		});
		const { error } = await get();
		// Input-caused refusals name the item; credential, plan and rate problems do not.
		expect(error?.message).toBe(`${title}: Some detail${item}`);
		const description = error?.description ?? '';
		expect(description).toContain(`Apideck said: Upstream says ${typeName}`);
		expect(description).toContain('Detail: Some detail');
		expect(description).toContain(`Type: ${typeName}`);
		expect(description).toContain('Reference: https://developers.apideck.com/errors');
		expect(description).toMatch(/Request ID: \S+/);
		expect(description).toMatch(hint);
		expect((error as { httpCode?: string }).httpCode).toBe(String(status));
	},
);

test('a rejected key: the headline says what Apideck said, not only that it failed', async () => {
	const { error } = await get({}, { apiKey: 'a-revoked-api-key' });
	expect(error?.message).toBe('Apideck rejected the credentials: The API key is not valid');
	expect(error?.description).toContain('Apideck said: Unauthorized Request');
});

test.each([
	[
		'an error type the node does not know leads with its message and detail',
		{
			status: 409,
			typeName: 'ConflictError',
			message: 'The lead is locked',
			detail: 'Record 4711 is being merged',
		},
		'The lead is locked: Record 4711 is being merged (item 0)',
		'Detail: Record 4711 is being merged',
	],
	[
		'a detail object of no known shape is written as key: value pairs',
		{
			status: 400,
			typeName: 'RequestValidationError',
			message: 'Invalid Params',
			detail: { context: 'owner', limits: { max: 3 } },
		},
		'Apideck rejected the request as invalid: Invalid Params (item 0)',
		'Detail: context: owner; limits.max: 3',
	],
])('%s', async (_name, fault, headline, detail) => {
	sandbox.faults.error(fault);
	const { error } = await get();
	expect(error?.message).toBe(headline);
	expect(error?.description).toContain(detail);
});

test('a record that is not found is named in words, not as JSON', async () => {
	const { error } = await probe(sandbox, { path: '/crm/leads/no-such-lead' });
	expect(error?.message).toBe('The record was not found: No lead with ID no-such-lead (item 0)');
	expect(error?.description).toContain('Detail: No lead with ID no-such-lead');
	expect(error?.description).not.toContain('{');
});

test('a ConnectorExecutionError lists the CRM’s own errors', async () => {
	sandbox.faults.error({
		status: 500,
		typeName: 'ConnectorExecutionError',
		message: 'A validation error occurred in the downstream service',
		detail: {
			downstream_errors: [{ message: 'Email is not valid' }, { message: 'Owner is inactive' }],
		},
	});
	const { error } = await probe(sandbox, {
		method: 'POST',
		path: '/crm/leads',
		body: { name: 'x' },
	});
	expect(error?.message).toBe('The CRM rejected the request: Email is not valid (and 1 more)');
	expect(error?.description).toContain('  • Email is not valid');
	expect(error?.description).toContain('  • Owner is inactive');
	expect(error?.description).toContain('its own errors are listed above');
});

/** Probes `path` at a Base URL whose server answers every request with `status` and `body`. */
async function probeBehindProxy(
	path: string,
	status: number,
	body = '',
	headers: Record<string, string> = {},
) {
	const proxy = http.createServer((_req, res) => {
		res.writeHead(status, headers);
		res.end(body);
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	const { port } = proxy.address() as AddressInfo;
	try {
		return await probe(sandbox, { path }, { baseUrl: `http://127.0.0.1:${port}` });
	} finally {
		proxy.close();
	}
}

test("a non-JSON error body (a proxy's HTML page) still gives a sane message", async () => {
	const { error } = await probeBehindProxy(
		'/crm/leads/l1',
		404,
		'<html><body><h1>404 Not Found</h1></body></html>',
		{ 'content-type': 'text/html' },
	);
	expect(error?.message).toBe('Apideck answered 404 (item 0)');
	expect(error?.description).toContain(
		'with a body that is not JSON: <html><body><h1>404 Not Found</h1>',
	);
	expect(error?.description).toContain('Request: GET /crm/leads/l1');
	expect(error?.description).toContain('Hint: Check the ID');
});

test('an error answer with an empty body says so, not "not JSON: {}"', async () => {
	const { error } = await probeBehindProxy('/crm/leads', 403);
	expect(error?.description).toContain('Apideck answered 403 with an empty body.');
	expect(error?.description).not.toContain('{}');
});

test('a malformed JSON success body on a write is reported, not swallowed', async () => {
	sandbox.faults.malformedJson({ method: 'POST' });
	const { error } = await probe(sandbox, {
		method: 'POST',
		path: '/crm/leads',
		body: { name: 'Ann' },
	});
	expect(error?.message).toBe('Apideck answered 502');
	expect(error?.description).toMatch(/not JSON/);
});

test('an unreachable Base URL says so in words', async () => {
	const { error } = await probe(sandbox, { path: '/crm/leads' }, { baseUrl: 'http://127.0.0.1:9' });
	expect(error?.message).toBe(
		'Nothing answers at http://127.0.0.1:9: connection refused (after 5 attempts)',
	);
	expect(error?.description).toContain('Cause: ECONNREFUSED (connection refused)');
	expect(error?.description).toMatch(/Check the Base URL/);
});

test('no error, description or output ever contains the API key', async () => {
	const secret = sandbox.apiKey;
	sandbox.faults.error({
		status: 400,
		typeName: 'RequestValidationError',
		message: `bad key ${secret}`,
		detail: { echo: secret },
	});
	const failures = [
		await get(),
		await get({}, { apiKey: 'some-other-secret-key' }),
		await probe(sandbox, { path: '/crm/leads' }, { baseUrl: 'http://127.0.0.1:9' }),
	];
	for (const { error, run } of failures) {
		expect(error).toBeDefined();
		const everything = JSON.stringify({
			error,
			message: error?.message,
			description: error?.description,
			run,
		});
		expect(everything).not.toContain(secret);
		expect(everything).not.toContain('some-other-secret-key');
	}
});
