/**
 * One n8n process (`n8n start`, `n8n worker` or `n8n webhook`) on 127.0.0.1 with its own
 * throwaway user folder and this package staged as a community package. startN8n
 * (n8n-instance.cts) builds on it for the main process; queue-mode.cts for workers and webhook
 * processors.
 *
 * The process gets its own process group (managed-process.cts), so stop() (SIGTERM, then SIGKILL
 * after 20 s) also ends the task runner it spawns.
 * Readiness: `GET <url>/healthz/readiness` answers 200 once the database is migrated and the
 * process serves requests (the main process, webhook processors, and workers whose health
 * server is on: QUEUE_HEALTH_CHECK_ACTIVE).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { stagePackage, type StagedPackage } from './community-package.cjs';
import type { N8nInstallation } from './installation.cjs';
import { startManagedProcess } from './managed-process.cjs';

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

export interface N8nProcessOptions {
	installation: N8nInstallation;
	/** `start` (main), `worker` or `webhook`, plus flags. */
	args: string[];
	/** Port of the editor/API (main), the webhook listener, or a worker's health server. */
	port: number;
	runnersBrokerPort: number;
	encryptionKey: string;
	/** Base URL n8n puts into webhook URLs it hands to triggers (default: this process). */
	webhookUrl?: string;
	/** Folder holding package.json + dist/ to load; `false` loads no package. Default: the clone. */
	packageDir?: string | false;
	linkPackage?: boolean;
	extraPackages?: string[];
	/** User folder (default: a new temp folder, deleted by stop() unless keepUserFolder). */
	userFolder?: string;
	keepUserFolder?: boolean;
	logLevel?: 'error' | 'warn' | 'info' | 'debug';
	/** Also print the output to this process' stderr, each line prefixed with `[label]`. */
	echoLogs?: boolean;
	label?: string;
	/** Node flags before n8n's CLI (e.g. `--cpu-prof`). */
	nodeArgs?: string[];
	/** Extra environment (wins over the defaults). */
	env?: Record<string, string | undefined>;
}

export interface N8nProcess {
	label: string;
	url: string;
	port: number;
	runnersBrokerPort: number;
	userFolder: string;
	package: StagedPackage | undefined;
	extraPackages: StagedPackage[];
	env: NodeJS.ProcessEnv;
	pid: number | undefined;
	/** stdout+stderr so far (the last ~1 MB). */
	logs(): string;
	/** The last lines of the output, for error messages. */
	tail(lines?: number): string;
	exited(): { code: number | null; signal: NodeJS.Signals | null } | undefined;
	/** Resolves once `GET <url>/healthz/readiness` answers 200; throws if the process exits. */
	waitUntilReady(deadline: number): Promise<void>;
	stop(): Promise<void>;
}

export function n8nEnvironment(options: N8nProcessOptions, userFolder: string): NodeJS.ProcessEnv {
	const url = `http://127.0.0.1:${options.port}`;
	const webhookUrl = options.webhookUrl ?? `${url}/`;
	return {
		...cleanEnv(),
		PATH: `${dirname(options.installation.nodeBin)}:${process.env.PATH ?? ''}`,
		NO_COLOR: '1',
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: options.encryptionKey,
		N8N_PORT: String(options.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: webhookUrl,
		N8N_EDITOR_BASE_URL: `${url}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(options.runnersBrokerPort),
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
}

/** Stages the package(s) into a user folder and starts the process; does not wait for it. */
export function spawnN8nProcess(options: N8nProcessOptions): N8nProcess {
	const { installation } = options;
	const label = options.label ?? options.args[0] ?? 'n8n';
	const userFolder = options.userFolder ?? mkdtempSync(join(tmpdir(), `n8n-apideck-${label}-`));
	const removeFolder = !options.keepUserFolder && !options.userFolder;
	let staged: StagedPackage | undefined;
	let extraPackages: StagedPackage[];
	try {
		staged =
			options.packageDir === false
				? undefined
				: stagePackage(userFolder, { packageDir: options.packageDir, link: options.linkPackage });
		extraPackages = (options.extraPackages ?? []).map((packageDir) =>
			stagePackage(userFolder, { packageDir }),
		);
	} catch (error) {
		if (removeFolder) rmSync(userFolder, { recursive: true, force: true });
		throw error;
	}
	const url = `http://127.0.0.1:${options.port}`;
	const env = n8nEnvironment(options, userFolder);

	const child = startManagedProcess(
		installation.nodeBin,
		[...(options.nodeArgs ?? []), installation.n8nBin, ...options.args],
		{
			cwd: userFolder,
			env,
			logFile: join(userFolder, 'n8n.log'),
			echo: options.echoLogs,
			echoPrefix: options.label ? `[${options.label}] ` : undefined,
			label: `n8n ${label}`,
		},
	);
	const stop = async () => {
		await child.stop('SIGTERM', 20_000);
		if (removeFolder) rmSync(userFolder, { recursive: true, force: true });
	};

	const { tail, exited } = child;
	const waitUntilReady = async (deadline: number) =>
		await child.waitUntil(
			async () =>
				await fetch(`${url}/healthz/readiness`)
					.then((r) => r.status === 200)
					.catch(() => false),
			deadline,
		);

	return {
		label,
		url,
		port: options.port,
		runnersBrokerPort: options.runnersBrokerPort,
		userFolder,
		package: staged,
		extraPackages,
		env,
		pid: child.pid,
		logs: child.logs,
		tail,
		exited,
		waitUntilReady,
		stop,
	};
}
