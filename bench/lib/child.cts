/**
 * Runs one contender in its own Node process (with --expose-gc, through ts-node) so its memory
 * is its own. The child gets its job as JSON in BENCH_JOB and prints one `BENCH_RESULT <json>` line.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const LOADER = join(ROOT, 'scripts', 'dev-loader.cjs');
const MARK = 'BENCH_RESULT ';

export function runChild<T>(file: string, job: object): Promise<T> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--expose-gc', LOADER, join(ROOT, 'bench', file)], {
			cwd: ROOT,
			env: { ...process.env, BENCH_JOB: JSON.stringify(job), N8N_LOG_LEVEL: 'silent' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		let err = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => {
			const line = out.split('\n').find((l) => l.startsWith(MARK));
			if (code === 0 && line) return resolve(JSON.parse(line.slice(MARK.length)) as T);
			reject(new Error(`${file} exited ${code}: ${(err || out).trim().slice(-2000)}`));
		});
	});
}

/** In the child: the job it was given, and how to hand back the result. */
export function childJob<T>(): T {
	return JSON.parse(process.env.BENCH_JOB ?? '{}') as T;
}

export function reply(result: object): void {
	process.stdout.write(`${MARK}${JSON.stringify(result)}\n`);
}
