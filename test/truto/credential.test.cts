/** The Truto credential: its test request and its authentication, through n8n's engine. */
import { TrutoApi } from '../../credentials/TrutoApi.credentials';
import { closeReceivers, receiver } from '../../sandbox/http/test-receiver.cjs';
import { credentialTester } from '../helpers/credential-tester.cjs';
import { runNode } from '../helpers/engine.cjs';
import { trutoCredentials } from '../helpers/sandbox-credentials.cjs';
import { useTruto } from '../helpers/use-sandbox.cjs';

const sandbox = useTruto({ reset: 'requests' });

const test = (overrides = {}) =>
	runNode({
		type: 'credentialTester',
		nodeTypes: { 'n8n-nodes-apideck-crm.credentialTester': credentialTester(new TrutoApi()) },
		parameters: {},
		credentials: trutoCredentials(sandbox, overrides),
	});

it('reads the default integrated account with the bearer token', async () => {
	const { error, items } = await test({ baseUrl: `${sandbox.url}/` });
	expect(error).toBeUndefined();
	const id = sandbox.accounts.defaultId();
	expect(sandbox.requests[0]).toMatchObject({ method: 'GET', path: `/integrated-account/${id}` });
	expect(sandbox.requests[0].headers.authorization).toBe(`Bearer ${sandbox.token}`);
	expect(items[0].json).toMatchObject({ id, integration: { name: 'hubspot' } });
});

it('lists the environment’s accounts when there is no default account', async () => {
	const { error } = await test({ integratedAccountId: '' });
	expect(error).toBeUndefined();
	expect(sandbox.requests[0]).toMatchObject({ path: '/integrated-account', rawQuery: 'limit=1' });
});

it('fails with a wrong token, without repeating it', async () => {
	const { error } = await test({ apiToken: 'wrong-token-xyz' });
	expect((error as { httpCode?: string }).httpCode).toBe('401');
	expect(JSON.stringify(error)).not.toContain('wrong-token-xyz');
});

it('fails for a default account of another environment, and its ID cannot change the path', async () => {
	const { error } = await test({ integratedAccountId: '../webhook' });
	expect((error as { httpCode?: string }).httpCode).toBe('404');
	expect(sandbox.requests[0].path).toBe('/integrated-account/..%2Fwebhook');
});

it('maps the failures a person can fix to plain messages', () => {
	const rules = new TrutoApi().test.rules ?? [];
	expect(rules.map((rule) => rule.properties.value)).toEqual([
		401, 403, 404, 301, 302, 303, 307, 308,
	]);
});

it.each([
	[
		'a token shorter than 8 characters',
		() => ({ apiToken: 'short' }),
		/API token is only 5 characters/,
	],
	[
		'a Base URL with a query',
		(url: string) => ({ baseUrl: `${url}/?x=1` }),
		/Base URL is not usable: .*"\?"/,
	],
	[
		'a plain-http Base URL to another host',
		(url: string) => ({ baseUrl: url.replace('127.0.0.1', '127.0.0.2') }),
		/must start with https/,
	],
])('refuses %s before sending anything, saying what is wrong', async (_name, overrides, says) => {
	const { error } = await test(overrides(sandbox.url));
	expect(error?.message).toMatch(says);
	expect(sandbox.requests).toEqual([]);
	expect(JSON.stringify(error)).not.toContain('"short"');
});

it('does not follow a redirect, so the token never reaches the other host', async () => {
	const elsewhere = await receiver(200, '{"result":[]}');
	try {
		sandbox.faults.redirect({ status: 307, location: `${elsewhere.url}/integrated-account` });
		const { error } = await test();
		expect(error).toBeDefined();
		expect(elsewhere.received).toEqual([]);
	} finally {
		sandbox.faults.clear();
		await closeReceivers();
	}
});
