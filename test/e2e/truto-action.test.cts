/**
 * The Truto CRM action node inside a real n8n, against the Truto sandbox: workflows are saved
 * and run by n8n itself over its REST API; the credential test and the editor's dropdowns go
 * through n8n's own endpoints.
 */
import { startN8n, type N8nInstance } from '../../scripts/n8n/n8n-instance.cjs';
import { startTrutoSandbox, type TrutoSandbox } from '../../sandbox/truto/index.cjs';
import { isN8n1, n8nVersion } from './helpers/n8n-version.cjs';
import {
	runChain,
	TRUTO_ACTION_TYPE,
	trutoNode,
	type CredentialRef,
} from './helpers/workflows.cjs';

jest.setTimeout(15 * 60_000); // the first run may install n8n

let sandbox: TrutoSandbox;
let n8n: N8nInstance;
let credential: CredentialRef;

const credentialData = (overrides: Record<string, unknown> = {}) => ({
	apiToken: sandbox.token,
	integratedAccountId: sandbox.accounts.id('hubspot'),
	baseUrl: sandbox.url,
	...overrides,
});

beforeAll(async () => {
	sandbox = await startTrutoSandbox({ seed: true });
	n8n = await startN8n({ version: n8nVersion(), quietInstall: true });
	const loaded = await n8n.packageNodeTypes();
	if (!loaded.includes(TRUTO_ACTION_TYPE)) {
		throw new Error(
			`n8n did not load ${TRUTO_ACTION_TYPE} (run \`npm run build\` first): ${loaded.join(', ')}`,
		);
	}
	const saved = await n8n.rest.createCredential({
		name: 'Truto account',
		type: 'trutoApi',
		data: credentialData(),
	});
	credential = { id: saved.id, name: saved.name };
});

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
});

const node = (name: string, parameters: Record<string, unknown>) =>
	trutoNode(name, parameters, credential);
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

test.each([
	{
		resource: 'contact',
		store: 'contacts',
		create: { first_name: 'E2E', last_name: 'Contact', title: 'Tester' },
		update: { title: 'Head of QA' },
	},
	{
		resource: 'lead',
		store: 'leads',
		create: {
			first_name: 'E2E',
			last_name: 'Lead',
			email_addresses: { values: [{ email: 'e2e.lead@example.test', type: 'work' }] },
		},
		update: { status: 'working' },
	},
])('$resource: create, update, get and delete', async (c) => {
	const before = sandbox.store.count(c.store, 'hubspot');
	const owner = String(sandbox.store.list('users', 'hubspot')[0].id);
	const idOf = byId('={{ $json.id }}');
	const run = await runChain(n8n.rest, [
		node('Create', {
			resource: c.resource,
			operation: 'create',
			additionalFields: { ...c.create, owner: { __rl: true, mode: 'list', value: owner } },
		}),
		node('Update', { resource: c.resource, operation: 'update', id: idOf, updateFields: c.update }),
		node('Get', { resource: c.resource, operation: 'get', id: idOf, simplify: false }),
		node('Delete', { resource: c.resource, operation: 'delete', id: idOf }),
	]);

	expect(run.error).toBeUndefined();
	expect(run.execution.status).toBe('success');
	const id = String(run.out('Create')[0].id);
	expect(run.out('Create')[0]).toMatchObject({ first_name: 'E2E', owner: { id: owner } });
	expect(run.out('Update')[0]).toMatchObject({ id, ...c.update });
	expect(run.out('Get')[0]).toMatchObject({ id, ...c.update, remote_data: expect.any(Object) });
	expect(run.out('Delete')).toEqual([{ deleted: true, id }]);
	expect(sandbox.store.count(c.store, 'hubspot')).toBe(before);
});

test('Get Many with Return All follows next_cursor over several pages', async () => {
	sandbox.store.insertMany(
		'tasks',
		Array.from({ length: 230 }, (_, i) => ({ subject: `Paged task ${i}` })),
		'hubspot',
	);
	const expected = sandbox.store.list('tasks', 'hubspot').map((t) => t.id);
	sandbox.clearRequests();
	const run = await runChain(n8n.rest, [
		node('All Tasks', { resource: 'task', operation: 'getAll', returnAll: true }),
	]);
	expect(run.error).toBeUndefined();
	expect(run.out('All Tasks').map((t) => t.id)).toEqual(expected);
	const pages = sandbox.requests.filter((r) => r.path === '/unified/crm/tasks');
	expect(pages.length).toBe(Math.ceil(expected.length / 100));
	expect(pages.slice(1).every((r) => typeof r.query.next_cursor === 'string')).toBe(true);
});

test('an account whose CRM login expired stops the workflow, saying to reconnect it', async () => {
	const run = await runChain(n8n.rest, [
		node('Contacts', {
			resource: 'contact',
			operation: 'getAll',
			limit: 5,
			integratedAccount: byId(sandbox.accounts.id('expired')),
		}),
	]);
	expect(run.execution.status).toBe('error');
	const error = run.error!;
	const text = `${error.message}\n${String(error.description ?? '')}`;
	expect(error.message).toMatch(/^The CRM rejected the integrated account's credentials/);
	expect(text).toContain('Reconnect this integrated account in Truto');
	expect(text).not.toContain(sandbox.token);
});

test('the editor lists integrated accounts and the CRM’s fields through n8n', async () => {
	const request = {
		nodeTypeAndVersion: { name: TRUTO_ACTION_TYPE, version: 1 },
		credentials: { trutoApi: credential },
		currentNodeParameters: {
			resource: 'contact',
			operation: 'create',
			integratedAccount: { __rl: true, mode: 'list', value: '' },
			fieldSource: 'crm',
		},
	};
	const accounts = await n8n.rest.resourceLocatorResults({
		...request,
		path: 'parameters.integratedAccount',
		methodName: 'searchIntegratedAccounts',
	});
	expect(accounts.results).toEqual(
		expect.arrayContaining([{ name: 'hubspot · acme', value: sandbox.accounts.id('hubspot') }]),
	);
	const columns = await n8n.rest.resourceMapperFields({
		...request,
		path: 'parameters.columns',
		methodName: 'getCrmFields',
	});
	expect(columns.fields).toEqual(
		expect.arrayContaining([expect.objectContaining({ id: 'custom_fields.hs_persona' })]),
	);
});

describe('credential test over REST (POST /rest/credentials/test)', () => {
	const test_ = async (data: Record<string, unknown>, id: string) =>
		await n8n.rest.call<{ status: string; message: string }>('POST', '/rest/credentials/test', {
			credentials: { id, name: 'Truto account', type: 'trutoApi', data },
		});

	test('passes with the sandbox token, reading the default integrated account', async () => {
		sandbox.clearRequests();
		const result = await test_(credentialData(), credential.id);
		expect(result.status).toBe('OK');
		expect(sandbox.requests.map((r) => r.path)).toContain(
			`/integrated-account/${sandbox.accounts.id('hubspot')}`,
		);
	});

	test('fails with a wrong token, and says so', async () => {
		const wrong = credentialData({ apiToken: 'not-the-sandbox-token' });
		const saved = await n8n.rest.createCredential({
			name: 'Truto wrong token',
			type: 'trutoApi',
			data: wrong,
		});
		const result = await test_(wrong, saved.id);
		expect(result.status).toBe('Error');
		// 2.x shows the credential's own explanation; 1.x its generic one.
		expect(result.message).toMatch(isN8n1() ? /authorization failed/i : /rejected this API token/i);
		expect(result.message).not.toContain('not-the-sandbox-token');
	});
});
