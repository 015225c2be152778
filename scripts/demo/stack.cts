/**
 * The demo stack, also used by the e2e tests and the bench: a seeded Apideck sandbox, a real n8n
 * with this package loaded (one `n8n start`, or queue mode: main + workers + webhook processors,
 * see scripts/n8n/queue-mode.cts), an Apideck credential pointing at the sandbox, and the
 * lead-routing template imported (and activated when asked: the trigger then subscribes on the
 * sandbox, which checks the n8n URL with a signed validation request).
 */
import { startSandbox, type Sandbox } from '../../sandbox/apideck/index.cjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from '../n8n/community-package.cjs';
import { startN8n, type N8nInstance, type StartN8nOptions } from '../n8n/n8n-instance.cjs';
import { startQueueModeN8n, type QueueModeN8n, type QueueModeOptions } from '../n8n/queue-mode.cjs';
import type { SavedWorkflow } from '../n8n/rest-client.cjs';
import { seedDemoOwners } from './seed.cjs';
import { leadRoutingWorkflow } from './template.cjs';

export const DEMO_CONSUMER = 'test-consumer';

export interface DemoStackOptions {
	sandboxPort?: number;
	/** Deliver crm.* events when records change through the sandbox's HTTP API. */
	emitEvents?: boolean;
	/** Import the template (default true) and activate it (default false). */
	importTemplate?: boolean;
	activate?: boolean;
	/** One `n8n start` with these options (the default)… */
	n8n?: StartN8nOptions;
	/** …or n8n in queue mode (version and quietInstall come from `n8n`). */
	queueMode?: QueueModeOptions;
}

export interface DemoStack {
	sandbox: Sandbox;
	/** The n8n that serves the REST API (in queue mode: the main process). */
	n8n: N8nInstance;
	/** Base of production webhooks, ending in `/webhook/` (queue mode: a webhook processor). */
	webhookBaseUrl: string;
	queue?: QueueModeN8n;
	credential: { id: string; name: string };
	workflow?: SavedWorkflow;
	stop(): Promise<void>;
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

export async function startDemoStack(options: DemoStackOptions = {}): Promise<DemoStack> {
	const sandbox = await startSandbox({
		seed: true,
		port: options.sandboxPort ?? 0,
		emitEvents: options.emitEvents ?? false,
	});
	seedDemoOwners(sandbox);
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
		const name =
			n8n.package?.name ??
			(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string }).name;
		const loaded = await n8n.packageNodeTypes(name);
		const wanted = ['apideckCrm', 'apideckCrmTrigger'].map((t) => `${name}.${t}`);
		if (!wanted.every((t) => loaded.includes(t))) {
			const errors = n8n
				.logs()
				.split('\n')
				.filter((l) => /error|fail/i.test(l))
				.slice(-10);
			throw new Error(
				`n8n did not load this package (run \`npm run build\` first); loaded: ${loaded.join(', ') || 'nothing'}\n${errors.join('\n')}`,
			);
		}
		const credential = await n8n.rest.createCredential({
			name: 'Apideck account',
			type: 'apideckApi',
			data: sandboxCredentialData(sandbox),
		});
		let workflow: SavedWorkflow | undefined;
		if (options.importTemplate ?? true) {
			workflow = await n8n.rest.createWorkflow(
				leadRoutingWorkflow({ id: credential.id, name: credential.name }),
			);
			if (options.activate) workflow = await n8n.rest.activateWorkflow(workflow.id);
		}
		return {
			sandbox,
			n8n,
			webhookBaseUrl: queue?.webhookBaseUrl ?? n8n.webhookBaseUrl,
			queue,
			credential: { id: credential.id, name: credential.name },
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
