import type { IExecuteFunctions, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ApideckApi } from '../../credentials/ApideckApi.credentials';
import { closeReceivers, receiver } from '../../sandbox/http/test-receiver.cjs';
import { runNode } from '../helpers/engine.cjs';
import { sandboxCredentials } from '../helpers/sandbox-credentials.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';

/**
 * n8n tests a credential by running its `test.request` as a declarative request with the
 * credential's authentication; this node does exactly that through the engine's RoutingNode.
 */
function credentialTester(): INodeType {
	const { request } = new ApideckApi().test;
	return {
		description: {
			displayName: 'Credential Tester',
			name: 'credentialTester',
			group: ['transform'],
			version: 1,
			description: 'Runs the credential test request',
			defaults: { name: 'Credential Tester' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: 'apideckApi', required: true }],
			requestDefaults: {},
			properties: [
				{ displayName: 'Test', name: 'test', type: 'hidden', default: '', routing: { request } },
			],
		},
	} as INodeType & { execute?: IExecuteFunctions };
}

describe('credential test request', () => {
	const sandbox = useSandbox({ reset: 'requests' });

	const test = (overrides = {}) =>
		runNode({
			type: 'credentialTester',
			nodeTypes: { 'n8n-nodes-apideck-crm.credentialTester': credentialTester() },
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

	it.each([
		[
			'a key shorter than 8 characters',
			() => ({ apiKey: 'short' }),
			/API key is only 5 characters/,
		],
		[
			'a Base URL with a fragment',
			(url: string) => ({ baseUrl: `${url}/#` }),
			/Base URL is not usable: .*"#"/,
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

	it('does not follow a redirect, so the key never reaches the other host', async () => {
		const elsewhere = await receiver(200, '{"data":[]}');
		try {
			sandbox.faults.redirect({ status: 307, location: `${elsewhere.url}/vault/connections` });
			const { error } = await test();
			expect(error).toBeDefined();
			expect(elsewhere.received).toEqual([]);
		} finally {
			sandbox.faults.clear();
			await closeReceivers();
		}
	});

	it('maps the failures a person can fix to a plain message', () => {
		const rules = new ApideckApi().test.rules ?? [];
		expect(rules.map((rule) => rule.properties.value)).toEqual(
			expect.arrayContaining([401, 403, 301, 302, 303, 307, 308]),
		);
	});
});
