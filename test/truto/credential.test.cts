/** The Truto credential: its test request and its authentication, through n8n's engine. */
import { TrutoApi } from '../../credentials/TrutoApi.credentials';
import { credentialSafetyTests } from '../helpers/credential-safety.cjs';
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

credentialSafetyTests(() => ({
	sandbox,
	test,
	secretField: 'apiToken',
	secretLabel: 'API token',
	testPath: '/integrated-account',
	passingAnswer: '{"result":[]}',
}));
