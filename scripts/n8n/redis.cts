/**
 * A throwaway Redis on 127.0.0.1 for n8n's queue (Debian's `redis-server`, installed when missing
 * and root): a free port, nothing saved to disk; stop() ends it and deletes its folder.
 *
 *   const redis = await startRedis();
 *   startN8n({ env: { ...redis.n8nEnv, EXECUTIONS_MODE: 'queue' } });
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { commandWorks, ensureDebianPackage } from './debian-package.cjs';
import { getFreePort, startManagedProcess, stopIfStartFails } from './managed-process.cjs';

export interface Redis {
	/** Process (group) id of the server. */
	pid: number | undefined;
	host: string;
	port: number;
	/** QUEUE_BULL_REDIS_HOST / _PORT. */
	n8nEnv: Record<string, string>;
	logs(): string;
	stop(): Promise<void>;
}

/** Sends PING, resolves true on +PONG. */
async function ping(host: string, port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = connect({ host, port });
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(1000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
	});
}

export async function startRedis(options: { echoLogs?: boolean } = {}): Promise<Redis> {
	const command = process.env.REDIS_SERVER ?? 'redis-server';
	ensureDebianPackage('redis-server', () => commandWorks(command));
	const folder = mkdtempSync(join(tmpdir(), 'n8n-apideck-redis-'));
	const host = '127.0.0.1';
	const port = await getFreePort();
	const server = startManagedProcess(
		command,
		[
			'--bind',
			host,
			'--port',
			String(port),
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			folder,
			'--daemonize',
			'no',
		],
		{
			cwd: folder,
			logFile: join(folder, 'redis.log'),
			echo: options.echoLogs,
			echoPrefix: '[redis] ',
			label: 'redis',
		},
	);
	const stop = async () => {
		await server.stop('SIGTERM', 10_000);
		rmSync(folder, { recursive: true, force: true });
	};
	await stopIfStartFails(
		async () => await server.waitUntil(async () => await ping(host, port), Date.now() + 20_000),
		stop,
	);
	return {
		pid: server.pid,
		host,
		port,
		n8nEnv: { QUEUE_BULL_REDIS_HOST: host, QUEUE_BULL_REDIS_PORT: String(port) },
		logs: server.logs,
		stop,
	};
}
