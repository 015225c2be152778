/**
 * The demo stack, also used by the e2e tests and the bench: a seeded sandbox, a real n8n with
 * this package loaded (one `n8n start`, or queue mode: main + workers + webhook processors, see
 * scripts/n8n/queue-mode.cts), a credential pointing at the sandbox, and a lead-routing template
 * imported (and activated when asked: the trigger then subscribes on the sandbox).
 * startDemoStack runs it on Apideck; truto-stack.cts on Truto, through the same startStack.
 */
import { startSandbox, type Sandbox } from '../../sandbox/apideck/index.cjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from '../n8n/community-package.cjs';
import { startN8n, type N8nInstance, type StartN8nOptions } from '../n8n/n8n-instance.cjs';
import { startQueueModeN8n, type QueueModeN8n, type QueueModeOptions } from '../n8n/queue-mode.cjs';
import type { SavedWorkflow } from '../n8n/rest-client.cjs';
import { seedDemoOwners } from './seed.cjs';
import { TEMPLATE_PATH, templateWorkflow } from './template.cjs';

export const DEMO_CONSUMER = 'test-consumer';

export interface DemoStackOptions {
	sandboxPort?: number;
	/** Deliver events when records change through the sandbox's HTTP API. */
	emitEvents?: boolean;
	/** Import the template (default true) and activate it (default false). */
	importTemplate?: boolean;
	activate?: boolean;
	/** One `n8n start` with these options (the default)… */
	n8n?: StartN8nOptions;
	/** …or n8n in queue mode (version and quietInstall come from `n8n`). */
	queueMode?: QueueModeOptions;
}

export interface DemoStack<S = Sandbox> {
	sandbox: S;
	/** The n8n that serves the REST API (in queue mode: the main process). */
	n8n: N8nInstance;
	/** Base of production webhooks, ending in `/webhook/` (queue mode: a webhook processor). */
	webhookBaseUrl: string;
	queue?: QueueModeN8n;
	credential: { id: string; name: string };
	workflow?: SavedWorkflow;
	stop(): Promise<void>;
}

/** What differs between the backends of the demo. */
export interface StackBackend<S extends { close(): Promise<void> }> {
	/** Starts and seeds the sandbox. */
	sandbox: () => Promise<S>;
	/** The package's node types the template needs, e.g. ['apideckCrm', 'apideckCrmTrigger']. */
	nodeTypes: string[];
	credential: { name: string; type: string; data: (sandbox: S) => Record<string, unknown> };
	templatePath: string;
}

function loadError(n8n: N8nInstance, loaded: string[]): Error {
	const errors = n8n
		.logs()
		.split('\n')
		.filter((l) => /error|fail/i.test(l))
		.slice(-10);
	return new Error(
		`n8n did not load this package (run \`npm run build\` first); loaded: ${loaded.join(', ') || 'nothing'}\n${errors.join('\n')}`,
	);
}

export async function startStack<S extends { close(): Promise<void> }>(
	backend: StackBackend<S>,
	options: DemoStackOptions,
): Promise<DemoStack<S>> {
	const sandbox = await backend.sandbox();
	let n8n: N8nInstance | undefined;
	let queue: QueueModeN8n | undefined;
	const stopN8n = async () => await (queue ?? n8n)?.stop();
	try {
		if (options.queueMode) {
			queue = await startQueueModeN8n({
				version: options.n8n?.version,
				quietInstall: options.n8n?.quietInstall,
				...options.queueMode,
			});
			n8n = queue.main;
		} else {
			n8n = await startN8n(options.n8n);
		}
		// With `packageDir: false` the package is already in the user folder (installed by npm).
		const packageName =
			n8n.package?.name ??
			(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string }).name;
		const loaded = await n8n.packageNodeTypes(packageName);
		const wanted = backend.nodeTypes.map((t) => `${packageName}.${t}`);
		if (!wanted.every((t) => loaded.includes(t))) throw loadError(n8n, loaded);
		const { name, type, data } = backend.credential;
		const credential = await n8n.rest.createCredential({ name, type, data: data(sandbox) });
		const bound = { id: credential.id, name: credential.name };
		let workflow: SavedWorkflow | undefined;
		if (options.importTemplate ?? true) {
			workflow = await n8n.rest.createWorkflow(templateWorkflow(backend.templatePath, type, bound));
			if (options.activate) workflow = await n8n.rest.activateWorkflow(workflow.id);
		}
		return {
			sandbox,
			n8n,
			webhookBaseUrl: queue?.webhookBaseUrl ?? n8n.webhookBaseUrl,
			queue,
			credential: bound,
			workflow,
			stop: async () => {
				await stopN8n();
				await sandbox.close();
			},
		};
	} catch (error) {
		await stopN8n();
		await sandbox.close();
		throw error;
	}
}

export function sandboxCredentialData(sandbox: Sandbox, consumerId = DEMO_CONSUMER) {
	return {
		apiKey: sandbox.apiKey,
		appId: sandbox.appId,
		consumerId,
		serviceId: '',
		baseUrl: sandbox.url,
	};
}

/** The stack on the Apideck sandbox, with templates/lead-routing.json. */
export async function startDemoStack(options: DemoStackOptions = {}): Promise<DemoStack> {
	return await startStack<Sandbox>(
		{
			async sandbox() {
				const sandbox = await startSandbox({
					seed: true,
					port: options.sandboxPort ?? 0,
					emitEvents: options.emitEvents ?? false,
				});
				seedDemoOwners(sandbox);
				return sandbox;
			},
			nodeTypes: ['apideckCrm', 'apideckCrmTrigger'],
			credential: { name: 'Apideck account', type: 'apideckApi', data: sandboxCredentialData },
			templatePath: TEMPLATE_PATH,
		},
		options,
	);
}
