/**
 * Starts a real n8n (`n8n start`) on 127.0.0.1 with a throwaway user folder and this package
 * loaded as a community package, sets up the owner, logs in, and hands back a REST client.
 *
 *   const n8n = await startN8n();            // installs n8n first if the cache is empty
 *   const wf = await n8n.rest.createWorkflow({...});
 *   const run = await n8n.rest.runWorkflow(wf.id);   // see rest-client.cts for how runs work
 *   await n8n.stop();
 *
 * Used by test/e2e, the demo and the benchmarks (queue-mode.cts starts one as its main process);
 * the process itself (user folder, package staging, environment, logs, stop) is n8n-process.cts.
 * Facts checked on n8n 2.40.7:
 * - readiness: `GET /healthz/readiness` is 200 once the database is migrated (a fresh SQLite
 *   folder takes a few seconds); `/healthz` answers earlier.
 * - production webhooks: `<url>/webhook/<path>`; a node with a `webhookId` and a fixed path gets
 *   `<url>/webhook/<webhookId>/<path>`. Test webhooks use `/webhook-test/`.
 * - which node types loaded: `GET /types/nodes.json` (session cookie required) lists every type;
 *   ours are `<package name>.<node name>`. A package n8n fails to load only leaves an error line in
 *   the log, so check the list.
 * - stop: SIGTERM lets n8n deactivate triggers (their `delete` hooks run) before it exits.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

import type { StagedPackage } from './community-package.cjs';
import { ensureN8nInstalled, type N8nInstallation } from './installation.cjs';
import { getFreePorts, sleep } from './managed-process.cjs';
import { spawnN8nProcess } from './n8n-process.cjs';
import { N8nRestClient, type OwnerAccount } from './rest-client.cjs';

export { getFreePort, getFreePorts } from './managed-process.cjs';

export interface StartN8nOptions {
	/** n8n version to install/use (default 2.40.7 or $N8N_VERSION). */
	version?: string;
	/** Folder holding package.json + dist/ to load; `false` loads no package. Default: the clone. */
	packageDir?: string | false;
	/** Symlink dist/ instead of copying it. */
	linkPackage?: boolean;
	/** More package folders to stage the same way (e.g. test fixtures, baselines). */
	extraPackages?: string[];
	/** User folder (default: a new temp folder, deleted by stop() unless keepUserFolder). */
	userFolder?: string;
	keepUserFolder?: boolean;
	/** Fixed port for the editor/API (default: a free one). */
	port?: number;
	/** Extra environment for n8n (wins over the defaults below). */
	env?: Record<string, string | undefined>;
	owner?: Partial<OwnerAccount>;
	/** Skip owner setup and login (`rest` is then anonymous). */
	skipLogin?: boolean;
	startTimeoutMs?: number;
	logLevel?: 'error' | 'warn' | 'info' | 'debug';
	/** Also print n8n's output to this process' stderr. */
	echoLogs?: boolean;
	quietInstall?: boolean;
	/** Share one key between processes of one installation (queue mode); default: a new one. */
	encryptionKey?: string;
	/** Base URL of production webhooks handed to triggers (WEBHOOK_URL); default: this process. */
	webhookUrl?: string;
	/** Prefix of echoed log lines and of the temp folder name. */
	label?: string;
	/** Node flags before n8n's CLI (e.g. `--cpu-prof`). */
	nodeArgs?: string[];
}

export interface N8nInstance {
	url: string;
	/** Process (group) id of `n8n start`. */
	pid: number | undefined;
	port: number;
	runnersBrokerPort: number;
	/** Base of production webhooks, ending in `/webhook/`. */
	webhookBaseUrl: string;
	userFolder: string;
	encryptionKey: string;
	installation: N8nInstallation;
	package: StagedPackage | undefined;
	extraPackages: StagedPackage[];
	owner: OwnerAccount;
	rest: N8nRestClient;
	/** The environment n8n runs with (reuse it for `n8n` CLI calls on the same folder). */
	env: NodeJS.ProcessEnv;
	/** n8n's stdout+stderr so far. */
	logs(): string;
	/** Node types of a staged package (default: this one) that n8n actually loaded. */
	packageNodeTypes(packageName?: string): Promise<string[]>;
	/** Runs an `n8n` CLI command (e.g. import:workflow) against the same user folder. */
	cli(
		args: string[],
		timeoutMs?: number,
	): { status: number | null; stdout: string; stderr: string };
	stop(): Promise<void>;
}

export const DEFAULT_OWNER: OwnerAccount = {
	email: 'owner@example.com',
	password: 'E2e-owner-passw0rd',
	firstName: 'E2E',
	lastName: 'Owner',
};

export async function startN8n(options: StartN8nOptions = {}): Promise<N8nInstance> {
	const installation = ensureN8nInstalled({
		version: options.version,
		quiet: options.quietInstall,
	});
	const [freePort, runnersBrokerPort] = await getFreePorts(2);
	const port = options.port ?? freePort;
	const encryptionKey = options.encryptionKey ?? randomBytes(24).toString('hex');
	const n8n = spawnN8nProcess({
		installation,
		args: ['start'],
		port,
		runnersBrokerPort: runnersBrokerPort === port ? freePort : runnersBrokerPort,
		encryptionKey,
		webhookUrl: options.webhookUrl,
		packageDir: options.packageDir,
		linkPackage: options.linkPackage,
		extraPackages: options.extraPackages,
		userFolder: options.userFolder,
		keepUserFolder: options.keepUserFolder,
		logLevel: options.logLevel,
		echoLogs: options.echoLogs,
		label: options.label,
		nodeArgs: options.nodeArgs,
		env: options.env,
	});
	const { url, env, userFolder, package: staged, extraPackages, stop } = n8n;

	const tail = () => n8n.tail();
	try {
		const deadline = Date.now() + (options.startTimeoutMs ?? 180_000);
		await n8n.waitUntilReady(deadline);

		const flatted = installation.requireFromN8n('flatted') as { parse: (t: string) => unknown };
		const rest = new N8nRestClient({
			baseUrl: url,
			parseFlatted: flatted.parse,
			n8nVersion: installation.version,
		});
		// n8n 1.x answers readiness before its REST routes are mounted (404 until then).
		while ((await rest.raw('GET', '/rest/settings').catch(() => ({ status: 0 }))).status !== 200) {
			const exited = n8n.exited();
			if (exited)
				throw new Error(`n8n exited during start (${JSON.stringify(exited)}):\n${tail()}`);
			if (Date.now() > deadline)
				throw new Error(`n8n REST API not up at ${url} in time:\n${tail()}`);
			await sleep(200);
		}
		const owner: OwnerAccount = { ...DEFAULT_OWNER, ...options.owner };
		if (!options.skipLogin) {
			await rest.setupOwner(owner);
			await rest.login(owner.email, owner.password);
		}

		return {
			url,
			pid: n8n.pid,
			port,
			runnersBrokerPort: n8n.runnersBrokerPort,
			webhookBaseUrl: `${options.webhookUrl ?? `${url}/`}webhook/`,
			userFolder,
			encryptionKey,
			installation,
			package: staged,
			extraPackages,
			owner,
			rest,
			env,
			logs: n8n.logs,
			packageNodeTypes: async (packageName = staged?.name) => {
				if (!packageName) return [];
				const types = await rest.nodeTypes();
				const names = types.map((t) => t.name).filter((n) => n.startsWith(`${packageName}.`));
				return [...new Set(names)];
			},
			cli: (args, timeoutMs = 120_000) => {
				const result = spawnSync(installation.nodeBin, [installation.n8nBin, ...args], {
					cwd: userFolder,
					env,
					encoding: 'utf8',
					timeout: timeoutMs,
				});
				return { status: result.status, stdout: result.stdout, stderr: result.stderr };
			},
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
