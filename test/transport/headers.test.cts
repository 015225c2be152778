import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { probe } from '../helpers/probe.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';

const sandbox = useSandbox({
	reset: 'requests',
	setup(started) {
		started.store.insert(
			'leads',
			{ id: 'sf', name: 'Salesforce lead' },
			{ consumerId: 'test-consumer', serviceId: 'salesforce' },
		);
		started.store.insert(
			'leads',
			{ id: 'hs', name: 'HubSpot lead' },
			{ consumerId: 'test-consumer', serviceId: 'hubspot' },
		);
		started.store.insert(
			'leads',
			{ id: 'pd', name: 'Pipedrive lead' },
			{ consumerId: 'other-consumer', serviceId: 'pipedrive' },
		);
	},
});

const ids = async (parameters: object, credentials: ICredentialDataDecryptedObject = {}) => {
	const { items, error } = await probe(
		sandbox,
		{ mode: 'list', path: '/crm/leads', returnAll: true, ...parameters },
		credentials,
	);
	expect(error).toBeUndefined();
	return items.map((item) => item.json.id);
};
const headers = () => sandbox.requests[0].headers;

test('the credential supplies bearer, application and consumer; no service header when none is set', async () => {
	expect(await ids({})).toEqual(['sf']);
	expect(headers()).toMatchObject({
		authorization: `Bearer ${sandbox.apiKey}`,
		'x-apideck-app-id': sandbox.appId,
		'x-apideck-consumer-id': 'test-consumer',
	});
	expect(headers()['x-apideck-service-id']).toBeUndefined();
});

test("the credential's default service ID is sent", async () => {
	expect(await ids({}, { serviceId: 'hubspot' })).toEqual(['hs']);
	expect(headers()['x-apideck-service-id']).toBe('hubspot');
});

test('per-call consumer and service overrides win over the credential', async () => {
	expect(
		await ids({ consumerId: 'other-consumer', serviceId: 'pipedrive' }, { serviceId: 'hubspot' }),
	).toEqual(['pd']);
	expect(headers()).toMatchObject({
		'x-apideck-consumer-id': 'other-consumer',
		'x-apideck-service-id': 'pipedrive',
	});
});

test('a service override alone keeps the credential consumer', async () => {
	expect(await ids({ serviceId: 'hubspot' })).toEqual(['hs']);
	expect(headers()['x-apideck-consumer-id']).toBe('test-consumer');
});

test('a trailing slash in the Base URL does not double the slash', async () => {
	await ids({}, { baseUrl: `${sandbox.url}/` });
	expect(sandbox.requests[0].path).toBe('/crm/leads');
});
