/**
 * n8n in queue mode on loopback, the way n8n scales out: a throwaway PostgreSQL (postgres.cts),
 * Redis (redis.cts), one main process (`n8n start`: editor, REST API, activation), workers
 * (`n8n worker`: run the executions they take from the Redis queue) and webhook processors
 * (`n8n webhook`: answer production webhooks and queue their executions). Every process has its
 * own user folder with this package staged, and all share the database, Redis and encryption key.
 *
 *   const n8n = await startQueueModeN8n();          // main + 2 workers + 1 webhook processor
 *   n8n.main.rest.activateWorkflow(id);             // REST API of the main process
 *   fetch(`${n8n.webhookBaseUrl}<webhookId>/webhook`, …)   // production webhooks
 *   await n8n.stop();                               // everything, also after a failure
 *
 * Facts (n8n 2.40.7, @n8n/config): EXECUTIONS_MODE=queue, QUEUE_BULL_REDIS_HOST/PORT,
 * DB_TYPE=postgresdb + DB_POSTGRESDB_*; every process needs its own N8N_PORT (webhook processor:
 * its listener) and N8N_RUNNERS_BROKER_PORT; a worker's health server (`/healthz/readiness`)
 * runs with QUEUE_HEALTH_CHECK_ACTIVE=true on QUEUE_HEALTH_CHECK_PORT and
 * N8N_WORKER_SERVER_ADDRESS (default `::`, all interfaces). WEBHOOK_URL must name the webhook
 * processor (behind a load balancer: its public address) on the main process too: activation
 * runs there, and the trigger subscribes with that URL. N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true
 * keeps production webhooks off the main process, so every delivery goes through the queue.
 */
import { randomBytes } from 'node:crypto';

import { ensureN8nInstalled } from './installation.cjs';
import { getFreePorts } from './managed-process.cjs';
import { startN8n, type N8nInstance } from './n8n-instance.cjs';
import { spawnN8nProcess, type N8nProcess } from './n8n-process.cjs';
import { startPostgres, type Postgres, type PostgresOptions } from './postgres.cjs';
import { startRedis, type Redis } from './redis.cjs';

export interface QueueModeOptions {
	version?: string;
	/** `n8n worker` processes (default 2). */
	workers?: number;
	/** Executions each worker runs at once (n8n's default: 10). */
	workerConcurrency?: number;
	/** `n8n webhook` processes (default 1). */
	webhookProcessors?: number;
	/** Folder holding package.json + dist/ to load (default: the clone). */
	packageDir?: string;
	/** Environment for every process (wins over the defaults). */
	env?: Record<string, string | undefined>;
	/** Node flags per kind of process, e.g. `{ webhook: ['--cpu-prof'] }`. */
	nodeArgs?: { main?: string[]; worker?: string[]; webhook?: string[] };
	postgres?: PostgresOptions;
	logLevel?: 'error' | 'warn' | 'info' | 'debug';
	echoLogs?: boolean;
	quietInstall?: boolean;
	startTimeoutMs?: number;
}

export interface QueueModeN8n {
	/** The main process: REST API (`main.rest`), editor, activation. */
	main: N8nInstance;
	/** Base of production webhooks on the (first) webhook processor, ending in `/webhook/`. */
	webhookBaseUrl: string;
	webhookProcessors: N8nProcess[];
	workers: N8nProcess[];
	postgres: Postgres;
	redis: Redis;
	/** Output of every n8n process, each line prefixed with the process' label. */
	logs(): string;
	stop(): Promise<void>;
}

export async function startQueueModeN8n(options: QueueModeOptions = {}): Promise<QueueModeN8n> {
	const installation = ensureN8nInstalled({
		version: options.version,
		quiet: options.quietInstall,
	});
	const workerCount = options.workers ?? 2;
	const webhookCount = options.webhookProcessors ?? 1;
	if (webhookCount < 1) throw new Error('queue mode here needs at least one webhook processor');
	// Per process: its port and its task runner broker port.
	const ports = await getFreePorts(2 * (workerCount + webhookCount));
	const portPair = (i: number) => ({ port: ports[2 * i], runnersBrokerPort: ports[2 * i + 1] });
	const webhookPorts = Array.from({ length: webhookCount }, (_, i) => portPair(i));
	const workerPorts = Array.from({ length: workerCount }, (_, i) => portPair(webhookCount + i));
	const webhookUrl = `http://127.0.0.1:${webhookPorts[0].port}/`;
	const encryptionKey = randomBytes(24).toString('hex');

	const stoppers: Array<() => Promise<void>> = [];
	const labelled: Array<{ label: string; logs: () => string }> = [];
	// Reverse start order: n8n processes before Redis and PostgreSQL.
	const stop = async () => {
		for (const stopOne of stoppers.splice(0).reverse()) {
			await stopOne().catch(() => undefined);
		}
	};
	try {
		// Both start at once; whichever started is stopped again if the other fails.
		const [pgStart, redisStart] = await Promise.allSettled([
			startPostgres({ echoLogs: options.echoLogs, ...options.postgres }),
			startRedis({ echoLogs: options.echoLogs }),
		]);
		for (const started of [pgStart, redisStart]) {
			if (started.status === 'fulfilled') stoppers.push(started.value.stop);
		}
		if (pgStart.status === 'rejected') throw pgStart.reason;
		if (redisStart.status === 'rejected') throw redisStart.reason;
		const postgres = pgStart.value;
		const redis = redisStart.value;
		const env = {
			EXECUTIONS_MODE: 'queue',
			...postgres.n8nEnv,
			...redis.n8nEnv,
			...options.env,
		};
		const common = {
			encryptionKey,
			webhookUrl,
			packageDir: options.packageDir,
			logLevel: options.logLevel,
			echoLogs: options.echoLogs,
		};

		// The main process migrates the database: the others start once it is ready.
		const main = await startN8n({
			...common,
			version: installation.version,
			quietInstall: true,
			label: 'main',
			nodeArgs: options.nodeArgs?.main,
			startTimeoutMs: options.startTimeoutMs,
			env: { N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true', ...env },
		});
		stoppers.push(main.stop);
		labelled.push({ label: 'main', logs: main.logs });

		const spawnOne = (
			kind: 'worker' | 'webhook',
			index: number,
			ports: { port: number; runnersBrokerPort: number },
		) => {
			const worker = kind === 'worker';
			const child = spawnN8nProcess({
				...common,
				installation,
				...ports,
				label: `${kind}-${index + 1}`,
				args: worker
					? [
							'worker',
							...(options.workerConcurrency ? [`--concurrency=${options.workerConcurrency}`] : []),
						]
					: ['webhook'],
				nodeArgs: options.nodeArgs?.[kind],
				env: {
					...(worker
						? {
								QUEUE_HEALTH_CHECK_ACTIVE: 'true',
								QUEUE_HEALTH_CHECK_PORT: String(ports.port),
								N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
							}
						: {}),
					...env,
				},
			});
			stoppers.push(child.stop);
			labelled.push({ label: child.label, logs: child.logs });
			return child;
		};
		const webhookProcessors = webhookPorts.map((p, i) => spawnOne('webhook', i, p));
		const workers = workerPorts.map((p, i) => spawnOne('worker', i, p));
		const deadline = Date.now() + (options.startTimeoutMs ?? 180_000);
		await Promise.all([...webhookProcessors, ...workers].map((p) => p.waitUntilReady(deadline)));

		return {
			main,
			webhookBaseUrl: `${webhookUrl}webhook/`,
			webhookProcessors,
			workers,
			postgres,
			redis,
			logs: () =>
				labelled.map(({ label, logs }) => logs().replace(/^(?=.)/gm, `[${label}] `)).join('\n'),
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
