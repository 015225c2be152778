/**
 * Starts a real n8n (`n8n start`) on 127.0.0.1 with a throwaway user folder and this package
 * loaded as a community package, sets up the owner, logs in, and hands back a REST client.
 *
 *   const n8n = await startN8n();            // installs n8n first if the cache is empty
 *   const wf = await n8n.rest.createWorkflow({...});
 *   const run = await n8n.rest.runWorkflow(wf.id);   // see rest-client.cts for how runs work
 *   await n8n.stop();
 *
 * Used by test/e2e, the demo and the benchmarks. Facts checked on n8n 2.40.7:
 * - readiness: `GET /healthz/readiness` is 200 once the database is migrated (a fresh SQLite
 *   folder takes a few seconds); `/healthz` answers earlier.
 * - production webhooks: `<url>/webhook/<path>`; a node with a `webhookId` and a fixed path gets
 *   `<url>/webhook/<webhookId>/<path>`. Test webhooks use `/webhook-test/`.
 * - which node types loaded: `GET /types/nodes.json` (session cookie required) lists every type;
 *   ours are `<package name>.<node name>`. A package n8n fails to load only leaves an error line in
 *   the log, so check the list.
 * - stop: SIGTERM lets n8n deactivate triggers (their `delete` hooks run) before it exits.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { stagePackage, type StagedPackage } from './community-package.cjs';
import { ensureN8nInstalled, type N8nInstallation } from './installation.cjs';
import { N8nRestClient, type OwnerAccount } from './rest-client.cjs';

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
}

export interface N8nInstance {
	url: string;
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

export async function getFreePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/**
 * Inherited settings that would change how the instance behaves are dropped. NODE_ENV matters:
 * jest sets it to `test`, and n8n then refuses to load nodes ("Not available in tests").
 */
function cleanEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (
			/^(N8N_|DB_|EXECUTIONS_|QUEUE_|WEBHOOK_URL$|NODE_OPTIONS$|NODE_ENV$|JEST_|GENERIC_TIMEZONE$)/.test(
				key,
			)
		)
			continue;
		env[key] = value;
	}
	return env;
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

export async function startN8n(options: StartN8nOptions = {}): Promise<N8nInstance> {
	const installation = ensureN8nInstalled({
		version: options.version,
		quiet: options.quietInstall,
	});
	const userFolder = options.userFolder ?? mkdtempSync(join(tmpdir(), 'n8n-apideck-'));
	const staged =
		options.packageDir === false
			? undefined
			: stagePackage(userFolder, { packageDir: options.packageDir, link: options.linkPackage });
	const extraPackages = (options.extraPackages ?? []).map((packageDir) =>
		stagePackage(userFolder, { packageDir }),
	);
	const port = options.port ?? (await getFreePort());
	let runnersBrokerPort = await getFreePort();
	while (runnersBrokerPort === port) runnersBrokerPort = await getFreePort();
	const url = `http://127.0.0.1:${port}`;
	const encryptionKey = randomBytes(24).toString('hex');

	const env: NodeJS.ProcessEnv = {
		...cleanEnv(),
		PATH: `${dirname(installation.nodeBin)}:${process.env.PATH ?? ''}`,
		NO_COLOR: '1',
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: encryptionKey,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `${url}/`,
		N8N_EDITOR_BASE_URL: `${url}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(runnersBrokerPort),
		// Without this, 2.x activates through a queue polled every 15 s: the webhook would not
		// exist yet when the activate call returns.
		N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		N8N_LOG_LEVEL: options.logLevel ?? 'info',
		N8N_LOG_OUTPUT: 'console',
		DB_TYPE: 'sqlite',
		...options.env,
	};

	const logFile = createWriteStream(join(userFolder, 'n8n.log'));
	let output = '';
	const record = (chunk: Buffer) => {
		const text = chunk.toString();
		output += text;
		if (output.length > 2_000_000) output = output.slice(-1_000_000);
		logFile.write(text);
		if (options.echoLogs) process.stderr.write(text);
	};

	// Own process group, so stop() also ends the task runner n8n spawns.
	const child: ChildProcess = spawn(installation.nodeBin, [installation.n8nBin, 'start'], {
		cwd: userFolder,
		env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout?.on('data', record);
	child.stderr?.on('data', record);
	let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
	const exitPromise = new Promise<void>((resolve) =>
		// 'close' (not 'exit'): fires after the last output line has been read.
		child.on('close', (code, signal) => {
			exited = { code, signal };
			resolve();
		}),
	);
	const killOnExit = () => {
		try {
			if (!exited && child.pid) process.kill(-child.pid, 'SIGKILL');
		} catch {
			// already gone
		}
	};
	process.on('exit', killOnExit);

	let stopped = false;
	const stop = async () => {
		if (stopped) return;
		stopped = true;
		process.off('exit', killOnExit);
		if (!exited && child.pid) {
			try {
				process.kill(-child.pid, 'SIGTERM');
			} catch {
				// already gone
			}
			const timer = setTimeout(() => killOnExit(), 20_000);
			await exitPromise;
			clearTimeout(timer);
		}
		await new Promise<void>((resolve) => logFile.end(resolve));
		if (!options.keepUserFolder && !options.userFolder) {
			rmSync(userFolder, { recursive: true, force: true });
		}
	};

	const tail = () => output.split('\n').slice(-40).join('\n');
	try {
		const deadline = Date.now() + (options.startTimeoutMs ?? 180_000);
		for (;;) {
			if (exited) {
				throw new Error(`n8n exited during start (${JSON.stringify(exited)}):\n${tail()}`);
			}
			const ready = await fetch(`${url}/healthz/readiness`)
				.then((r) => r.status === 200)
				.catch(() => false);
			if (ready) break;
			if (Date.now() > deadline) throw new Error(`n8n not ready at ${url} in time:\n${tail()}`);
			await sleep(200);
		}

		const flatted = installation.requireFromN8n('flatted') as { parse: (t: string) => unknown };
		const rest = new N8nRestClient({
			baseUrl: url,
			parseFlatted: flatted.parse,
			n8nVersion: installation.version,
		});
		// n8n 1.x answers readiness before its REST routes are mounted (404 until then).
		while ((await rest.raw('GET', '/rest/settings').catch(() => ({ status: 0 }))).status !== 200) {
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
			port,
			runnersBrokerPort,
			webhookBaseUrl: `${url}/webhook/`,
			userFolder,
			encryptionKey,
			installation,
			package: staged,
			extraPackages,
			owner,
			rest,
			env,
			logs: () => output,
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
