import { ApideckApi } from '../../credentials/ApideckApi.credentials';
import { credentialSafetyTests } from '../helpers/credential-safety.cjs';
import { credentialTester } from '../helpers/credential-tester.cjs';
import { runNode } from '../helpers/engine.cjs';
import { sandboxCredentials } from '../helpers/sandbox-credentials.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';

describe('credential test request', () => {
	const sandbox = useSandbox({ reset: 'requests' });

	const test = (overrides = {}) =>
		runNode({
			type: 'credentialTester',
			nodeTypes: { 'n8n-nodes-apideck-crm.credentialTester': credentialTester(new ApideckApi()) },
			parameters: {},
			credentials: sandboxCredentials(sandbox, overrides),
		});

	it('passes with a valid key, app ID and consumer, listing Vault connections', async () => {
		const { error, items } = await test({ baseUrl: `${sandbox.url}/` });
		expect(error).toBeUndefined();
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: '/vault/connections',
			rawQuery: 'api=crm',
		});
		expect(sandbox.requests[0].headers).toMatchObject({
			authorization: `Bearer ${sandbox.apiKey}`,
			'x-apideck-app-id': sandbox.appId,
			'x-apideck-consumer-id': 'test-consumer',
		});
		expect(items[0].json.data).toEqual(
			expect.arrayContaining([expect.objectContaining({ service_id: 'salesforce' })]),
		);
	});

	it.each([
		['a wrong API key', { apiKey: 'wrong-key' }],
		['a wrong application ID', { appId: 'other-app' }],
		['an unknown consumer', { consumerId: 'nobody' }],
	])('fails with %s', async (_name, overrides) => {
		const { error } = await test(overrides);
		expect(error).toBeDefined();
		expect((error as { httpCode?: string }).httpCode).toBe('401');
		expect(JSON.stringify(error)).not.toContain('wrong-key');
	});

	credentialSafetyTests(() => ({
		sandbox,
		test,
		secretField: 'apiKey',
		secretLabel: 'API key',
		testPath: '/vault/connections',
		passingAnswer: '{"data":[]}',
	}));

	it('maps the failures a person can fix to a plain message', () => {
		const rules = new ApideckApi().test.rules ?? [];
		expect(rules.map((rule) => rule.properties.value)).toEqual(
			expect.arrayContaining([401, 403, 301, 302, 303, 307, 308]),
		);
	});
});
