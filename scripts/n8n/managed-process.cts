/**
 * A long-running child (n8n, PostgreSQL, Redis) in its own process group: its output is kept
 * (the last ~1 MB) and written to a log file, stop() signals it and waits, and the whole group is
 * killed if this Node process exits first (a failed or interrupted test leaves nothing running).
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer, type Server } from 'node:net';

export const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** `count` distinct free loopback ports (all held open until every one is picked). */
export async function getFreePorts(count: number): Promise<number[]> {
	const servers: Server[] = [];
	try {
		const ports: number[] = [];
		for (let i = 0; i < count; i++) {
			const server = createServer();
			servers.push(server);
			ports.push(
				await new Promise<number>((resolve, reject) => {
					server.on('error', reject);
					server.listen(0, '127.0.0.1', () => {
						const address = server.address();
						resolve(typeof address === 'object' && address ? address.port : 0);
					});
				}),
			);
		}
		return ports;
	} finally {
		await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
	}
}

export async function getFreePort(): Promise<number> {
	return (await getFreePorts(1))[0];
}

/** Runs `start`; when it fails, runs `stop` (nothing is left running or on disk) and rethrows. */
export async function stopIfStartFails(
	start: () => Promise<void>,
	stop: () => Promise<void>,
): Promise<void> {
	try {
		await start();
	} catch (error) {
		await stop();
		throw error;
	}
}

export interface ManagedProcessOptions {
	cwd: string;
	env?: NodeJS.ProcessEnv;
	/** Run as this user (needs root), e.g. PostgreSQL, which refuses to run as root. */
	uid?: number;
	gid?: number;
	logFile: string;
	/** Also copy the output to this process' stderr. */
	echo?: boolean;
	/** Prefix of echoed lines. */
	echoPrefix?: string;
	/** Names the process in messages. */
	label: string;
	/** stop() signals only the child (default: its whole process group). */
	signalChildOnly?: boolean;
}

export interface ManagedProcess {
	pid: number | undefined;
	logs(): string;
	tail(lines?: number): string;
	exited(): { code: number | null; signal: NodeJS.Signals | null } | undefined;
	/** Polls `isReady` every 100 ms; throws with the log's tail if the child exits or time runs out. */
	waitUntil(isReady: () => boolean | Promise<boolean>, deadline: number): Promise<void>;
	/** Sends `signal`, waits for the exit; SIGKILLs the group after `killAfterMs`. Idempotent. */
	stop(signal?: NodeJS.Signals, killAfterMs?: number): Promise<void>;
}

export function startManagedProcess(
	command: string,
	args: string[],
	options: ManagedProcessOptions,
): ManagedProcess {
	const logFile = createWriteStream(options.logFile);
	let output = '';
	const record = (chunk: Buffer) => {
		const text = chunk.toString();
		output += text;
		if (output.length > 2_000_000) output = output.slice(-1_000_000);
		logFile.write(text);
		if (options.echo) {
			const prefix = options.echoPrefix ?? '';
			process.stderr.write(prefix ? text.replace(/^(?=.)/gm, prefix) : text);
		}
	};
	const spawnOptions: SpawnOptions = {
		cwd: options.cwd,
		env: options.env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid }),
	};
	const child: ChildProcess = spawn(command, args, spawnOptions);
	child.stdout?.on('data', record);
	child.stderr?.on('data', record);
	let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
	const exitPromise = new Promise<void>((resolve) => {
		// 'close' (not 'exit'): fires after the last output line has been read.
		child.on('close', (code, signal) => {
			exited = { code, signal };
			resolve();
		});
		child.on('error', (error) => {
			record(Buffer.from(`${options.label} could not start: ${error.message}\n`));
			exited ??= { code: null, signal: null };
			resolve();
		});
	});
	const signal = (name: NodeJS.Signals, group: boolean) => {
		try {
			if (!exited && child.pid) process.kill(group ? -child.pid : child.pid, name);
		} catch {
			// already gone
		}
	};
	const killOnExit = () => signal('SIGKILL', true);
	process.on('exit', killOnExit);

	let stopping: Promise<void> | undefined;
	const tail = (lines = 40) => output.split('\n').slice(-lines).join('\n');
	return {
		pid: child.pid,
		logs: () => output,
		tail,
		exited: () => exited,
		waitUntil: async (isReady, deadline) => {
			while (!(await isReady())) {
				if (exited) {
					throw new Error(
						`${options.label} exited during start (${JSON.stringify(exited)}):\n${tail()}`,
					);
				}
				if (Date.now() > deadline)
					throw new Error(`${options.label} not ready in time:\n${tail()}`);
				await sleep(100);
			}
		},
		stop: async (name = 'SIGTERM', killAfterMs = 20_000) => {
			stopping ??= (async () => {
				signal(name, !options.signalChildOnly);
				const timer = setTimeout(killOnExit, killAfterMs);
				await exitPromise;
				clearTimeout(timer);
				process.off('exit', killOnExit);
				await new Promise<void>((resolve) => logFile.end(resolve));
			})();
			await stopping;
		},
	};
}
