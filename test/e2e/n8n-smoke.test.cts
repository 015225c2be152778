/**
 * The real-n8n tooling itself: n8n starts with this package staged, the REST session works,
 * a workflow runs over REST and its result is read back, and a production webhook answers.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { startN8n, type N8nInstance } from '../../scripts/n8n/n8n-instance.cjs';
import { n8nVersion } from './helpers/n8n-version.cjs';

jest.setTimeout(15 * 60_000); // the first run may install n8n

let n8n: N8nInstance;

beforeAll(async () => {
	n8n = await startN8n({
		version: n8nVersion(),
		quietInstall: true,
		extraPackages: [join(__dirname, 'fixtures/n8n-nodes-e2e-probe')],
	});
});

afterAll(async () => {
	await n8n?.stop();
});

const manualTrigger = {
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: {},
};

const setNode = (name: string, value: string) => ({
	name,
	type: 'n8n-nodes-base.set',
	typeVersion: 3.4,
	position: [220, 0] as [number, number],
	parameters: {
		mode: 'manual',
		assignments: {
			assignments: [{ id: 'a1', name: 'greeting', value, type: 'string' }],
		},
		options: {},
	},
});

test('runs a saved workflow over REST and reads back its output', async () => {
	const workflow = await n8n.rest.createWorkflow({
		name: 'smoke: manual run',
		nodes: [manualTrigger, setNode('Set', '={{ "hello " + (1 + 1) }}')],
		connections: { Start: { main: [[{ node: 'Set', type: 'main', index: 0 }]] } },
	});
	const execution = await n8n.rest.runWorkflow(workflow.id);

	expect(execution.status).toBe('success');
	const out = execution.data.resultData.runData.Set[0].data?.main?.[0];
	expect(out?.map((item) => item.json)).toEqual([{ greeting: 'hello 2' }]);

	const listed = await n8n.rest.listExecutions({ workflowId: workflow.id });
	expect(listed.map((e) => e.id)).toContain(execution.id);
});

test('reports a failing node as an error execution with its message', async () => {
	const workflow = await n8n.rest.createWorkflow({
		name: 'smoke: failing run',
		nodes: [
			manualTrigger,
			{
				name: 'Fail',
				type: 'n8n-nodes-base.stopAndError',
				typeVersion: 1,
				position: [220, 0],
				parameters: { errorMessage: 'deliberate failure' },
			},
		],
		connections: { Start: { main: [[{ node: 'Fail', type: 'main', index: 0 }]] } },
	});
	const execution = await n8n.rest.runWorkflow(workflow.id);

	expect(execution.status).toBe('error');
	expect(execution.data.resultData.error?.message).toBe('deliberate failure');
});

test('an activated webhook workflow answers on the production URL, and stops after deactivation', async () => {
	const workflow = await n8n.rest.createWorkflow({
		name: 'smoke: webhook',
		nodes: [
			{
				name: 'Hook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'a7c0d1e2-0000-4000-8000-000000000001',
				parameters: {
					httpMethod: 'POST',
					path: 'smoke-hook',
					responseMode: 'lastNode',
					options: {},
				},
			},
			setNode('Reply', '={{ "got " + $json.body.n }}'),
		],
		connections: { Hook: { main: [[{ node: 'Reply', type: 'main', index: 0 }]] } },
	});
	const active = await n8n.rest.activateWorkflow(workflow.id);
	expect(active.active).toBe(true);

	const call = async () =>
		await fetch(`${n8n.webhookBaseUrl}smoke-hook`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ n: 7 }),
		});
	const response = await call();
	expect(response.status).toBe(200);
	expect(await response.json()).toEqual({ greeting: 'got 7' });

	await n8n.rest.deactivateWorkflow(workflow.id);
	expect((await call()).status).toBe(404);
});

test('a staged community package loads and runs, even when one listed file is not built', async () => {
	const probe = n8n.extraPackages[0];
	expect(probe.missing).toEqual(['nodes/NotBuiltYet.node.cjs']);
	expect((await n8n.packageNodeTypes('n8n-nodes-e2e-probe')).sort()).toEqual([
		'n8n-nodes-e2e-probe.e2eProbe',
		'n8n-nodes-e2e-probe.e2eProbeTrigger',
	]);

	const workflow = await n8n.rest.createWorkflow({
		name: 'smoke: community node',
		nodes: [
			manualTrigger,
			{
				name: 'Probe',
				type: 'n8n-nodes-e2e-probe.e2eProbe',
				typeVersion: 1,
				position: [220, 0],
				parameters: { word: 'loaded' },
			},
		],
		connections: { Start: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] } },
	});
	const execution = await n8n.rest.runWorkflow(workflow.id);

	expect(execution.status).toBe('success');
	const json = execution.data.resultData.runData.Probe[0].data?.main?.[0]?.[0].json;
	expect(json?.word).toBe('loaded');
	// It ran from the staged copy in the user folder, not from the clone.
	expect(String(json?.loadedFrom)).toContain(
		`${n8n.userFolder}/.n8n/nodes/node_modules/n8n-nodes-e2e-probe/`,
	);
});

test('dropdown options come from the node over the editor endpoint; a failing method explains itself', async () => {
	const request = (word: string) => ({
		nodeTypeAndVersion: { name: 'n8n-nodes-e2e-probe.e2eProbe', version: 1 },
		path: 'parameters.pick',
		methodName: 'listWords',
		currentNodeParameters: { word },
	});
	expect(await n8n.rest.loadOptions(request('red'))).toEqual([
		{ name: 'red 1', value: 'red-1' },
		{ name: 'red 2', value: 'red-2' },
	]);

	const failed = await n8n.rest.raw(
		'POST',
		'/rest/dynamic-node-parameters/options',
		request('fail'),
	);
	expect(failed.status).toBe(500);
	expect(failed.body).toMatchObject({ message: 'No words today' });
});

test('a trigger subscribes on activation (its webhook already answers), receives events, unsubscribes on deactivation', async () => {
	const provider = await startFakeProvider();
	try {
		const workflow = await n8n.rest.createWorkflow({
			name: 'smoke: subscription trigger',
			nodes: [
				{
					name: 'Probe Trigger',
					type: 'n8n-nodes-e2e-probe.e2eProbeTrigger',
					typeVersion: 1,
					position: [0, 0],
					webhookId: 'b1d2e3f4-0000-4000-8000-000000000002',
					parameters: { providerUrl: `${provider.url}/subscriptions` },
				},
			],
			connections: {},
		});
		await n8n.rest.activateWorkflow(workflow.id);

		// Production URL of a node webhook: <base>/webhook/<webhookId>/<path>.
		const hookUrl = `${n8n.webhookBaseUrl}b1d2e3f4-0000-4000-8000-000000000002/webhook`;
		expect(provider.calls).toEqual([
			{ method: 'POST', url: '/subscriptions', body: { url: hookUrl } },
		]);
		expect(provider.validationStatus).toBe(200); // sent while create() was still running

		const event = await fetch(hookUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ event: 'created', n: 1 }),
		});
		expect(event.status).toBe(200);
		const deadline = Date.now() + 10_000;
		let runs = await n8n.rest.listExecutions({ workflowId: workflow.id });
		while (runs.filter((r) => r.status === 'success').length < 2 && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 100));
			runs = await n8n.rest.listExecutions({ workflowId: workflow.id });
		}
		// One run for the provider's validation call, one for the event.
		const bodies = await Promise.all(
			runs.map(async (run) => {
				const full = await n8n.rest.getExecution(run.id);
				expect(full.mode).toBe('webhook');
				return full.data.resultData.runData['Probe Trigger'][0].data?.main?.[0]?.[0].json;
			}),
		);
		expect(bodies).toEqual(
			expect.arrayContaining([{ validation: true }, { event: 'created', n: 1 }]),
		);

		await n8n.rest.deactivateWorkflow(workflow.id);
		expect(provider.calls.at(-1)).toEqual({
			method: 'DELETE',
			url: '/subscriptions/sub-1',
			body: undefined,
		});
		const after = await fetch(hookUrl, { method: 'POST', body: '{}' });
		expect(after.status).toBe(404);
	} finally {
		await provider.close();
	}
});

test('stages this package where n8n loads community packages', async () => {
	const staged = n8n.package;
	expect(staged?.name).toBe('n8n-nodes-apideck-crm');
	const loaded = await n8n.packageNodeTypes();
	// Only the node files already built can load; each one built must load. n8n adds an
	// `<name>Tool` variant (for AI agents) of every node marked usableAsTool.
	const built = staged!.nodes.map((file) => `${staged!.name}.${nodeNameOf(file)}`);
	expect(loaded.filter((name) => !name.endsWith('Tool')).sort()).toEqual(built.sort());
	const credentialTypes = (await n8n.rest.credentialTypes()).map((c) => c.name);
	for (const file of staged!.credentials) {
		expect(credentialTypes).toContain(nodeNameOf(file.replace(/\.credentials\.js$/, '.node.js')));
	}
});

/** dist/nodes/ApideckCrm/ApideckCrm.node.js → apideckCrm */
function nodeNameOf(file: string): string {
	const base = file
		.split('/')
		.pop()!
		.replace(/\.node\.js$/, '');
	return base.charAt(0).toLowerCase() + base.slice(1);
}

/** Stands in for a provider: a subscription POST is answered only after a validation delivery. */
async function startFakeProvider() {
	const calls: Array<{ method?: string; url?: string; body: unknown }> = [];
	const state = { validationStatus: 0 };
	const readBody = async (req: IncomingMessage) => {
		let text = '';
		for await (const chunk of req) text += chunk;
		return text ? JSON.parse(text) : undefined;
	};
	const server: Server = createServer((req, res) => {
		void (async () => {
			const body = await readBody(req);
			calls.push({ method: req.method, url: req.url, body });
			if (req.method === 'POST') {
				const validation = await fetch((body as { url: string }).url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ validation: true }),
				});
				state.validationStatus = validation.status;
				res.setHeader('content-type', 'application/json');
				res.end(JSON.stringify({ id: 'sub-1' }));
			} else {
				res.statusCode = 204;
				res.end();
			}
		})();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		calls,
		get validationStatus() {
			return state.validationStatus;
		},
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
