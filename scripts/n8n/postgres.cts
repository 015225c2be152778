/**
 * A throwaway PostgreSQL cluster on 127.0.0.1 for n8n in queue mode (SQLite fails with
 * SQLITE_BUSY once two workers write): Debian's `postgresql` (installed when missing and root),
 * `initdb` into a temp folder, `postgres` on a free port, one database for n8n; stop() shuts it
 * down and deletes the folder.
 *
 *   const pg = await startPostgres();
 *   startN8n({ env: pg.n8nEnv });      // DB_TYPE=postgresdb + DB_POSTGRESDB_*
 *   pg.query('select count(*) from execution_entity');
 *   await pg.stop();
 *
 * PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user Debian
 * creates (or `nobody`), and initdb/postgres run as that user; otherwise as the current user.
 * Loopback connections are trusted (no password). The cluster is throwaway, so durability is off
 * by default (fsync, synchronous_commit); `durable: true` keeps PostgreSQL's defaults.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureDebianPackage } from './debian-package.cjs';
import { getFreePort, startManagedProcess, stopIfStartFails } from './managed-process.cjs';

export interface PostgresOptions {
	database?: string;
	/** Keep fsync and synchronous_commit on (default: off, the cluster is thrown away). */
	durable?: boolean;
	/** Load pg_stat_statements, so statementStats() can say where database time went. */
	statementStats?: boolean;
	/** More `-c name=value` settings. */
	settings?: Record<string, string>;
	echoLogs?: boolean;
}

export interface Postgres {
	/** Process (group) id of the server. */
	pid: number | undefined;
	host: string;
	port: number;
	user: string;
	database: string;
	/** DB_TYPE=postgresdb and the DB_POSTGRESDB_* variables n8n needs. */
	n8nEnv: Record<string, string>;
	/** Runs SQL with psql; rows as arrays of columns (tab-separated output). */
	query(sql: string): string[][];
	/** Top statements by total time since the last resetStatementStats() (statementStats only). */
	statementStats(limit?: number): StatementStat[];
	resetStatementStats(): void;
	logs(): string;
	stop(): Promise<void>;
}

export interface StatementStat {
	query: string;
	calls: number;
	totalMs: number;
	meanMs: number;
}

/** Newest `/usr/lib/postgresql/<version>/bin` with initdb in it ($PG_BIN wins). */
function findBinDir(): string | undefined {
	if (process.env.PG_BIN) return process.env.PG_BIN;
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	return readdirSync(root)
		.filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a))
		.map((v) => join(root, v, 'bin'))[0];
}

/** The account that owns the cluster: none (this user) unless we are root. */
function clusterAccount(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	for (const name of ['postgres', 'nobody']) {
		const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
		const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
		if (uid.status === 0 && gid.status === 0) {
			return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
		}
	}
	throw new Error('Running as root, but there is no `postgres` or `nobody` user to own PostgreSQL');
}

export async function startPostgres(options: PostgresOptions = {}): Promise<Postgres> {
	ensureDebianPackage('postgresql', () => findBinDir() !== undefined);
	const bin = findBinDir() as string;
	const account = clusterAccount();
	const folder = mkdtempSync(join(tmpdir(), 'n8n-apideck-postgres-'));
	if (account) chownSync(folder, account.uid, account.gid);
	const dataDir = join(folder, 'data');
	const user = 'n8n';
	const database = options.database ?? 'n8n';
	const host = '127.0.0.1';
	const asOwner = account ? { uid: account.uid, gid: account.gid } : {};
	const cleanUp = () => rmSync(folder, { recursive: true, force: true });

	const init = spawnSync(
		join(bin, 'initdb'),
		['-D', dataDir, '-U', user, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
		{ cwd: folder, encoding: 'utf8', ...asOwner },
	);
	if (init.status !== 0) {
		cleanUp();
		throw new Error(`initdb failed (exit ${init.status}):\n${init.stderr || init.stdout}`);
	}

	const port = await getFreePort();
	const settings: Record<string, string> = {
		listen_addresses: host,
		unix_socket_directories: folder,
		max_connections: '200',
		...(options.durable
			? {}
			: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
		...(options.statementStats
			? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' }
			: {}),
		...options.settings,
	};
	const server = startManagedProcess(
		join(bin, 'postgres'),
		[
			'-D',
			dataDir,
			'-p',
			String(port),
			...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
		],
		{
			cwd: folder,
			...asOwner,
			logFile: join(folder, 'postgres.log'),
			echo: options.echoLogs,
			echoPrefix: '[postgres] ',
			label: 'postgres',
			// SIGINT to the postmaster alone is PostgreSQL's "fast shutdown".
			signalChildOnly: true,
		},
	);
	const stop = async () => {
		await server.stop('SIGINT', 10_000);
		cleanUp();
	};

	const psql = (sql: string, db = database) =>
		spawnSync(
			join(bin, 'psql'),
			['-h', host, '-p', String(port), '-U', user, '-d', db, '-XAtq', '-F', '\t', '-c', sql],
			{ encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
		);
	const query = (sql: string) => {
		const result = psql(sql);
		if (result.status !== 0) throw new Error(`psql failed: ${result.stderr.trim()}\nSQL: ${sql}`);
		return result.stdout
			.split('\n')
			.filter((line) => line !== '')
			.map((line) => line.split('\t'));
	};

	await stopIfStartFails(async () => {
		await server.waitUntil(() => psql('select 1', 'postgres').status === 0, Date.now() + 30_000);
		const created = psql(`create database "${database}"`, 'postgres');
		if (created.status !== 0) throw new Error(`create database failed: ${created.stderr}`);
		if (options.statementStats) query('create extension if not exists pg_stat_statements');
	}, stop);

	return {
		pid: server.pid,
		host,
		port,
		user,
		database,
		n8nEnv: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: host,
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: database,
			DB_POSTGRESDB_USER: user,
			DB_POSTGRESDB_PASSWORD: '',
		},
		query,
		statementStats: (limit = 15) =>
			query(
				`select regexp_replace(query, '\\s+', ' ', 'g'), calls, total_exec_time, mean_exec_time
				 from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
				 order by total_exec_time desc limit ${limit}`,
			).map(([q, calls, total, mean]) => ({
				query: q,
				calls: Number(calls),
				totalMs: Number(total),
				meanMs: Number(mean),
			})),
		resetStatementStats: () => void query('select pg_stat_statements_reset()'),
		logs: server.logs,
		stop,
	};
}
