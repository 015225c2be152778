/**
 * Tools the e2e tests and benchmarks take from Debian (chromium, postgresql, redis-server): when
 * one is missing they are installed with apt-get if this process is root (CI); otherwise the
 * error says which command to run.
 */
import { spawnSync } from 'node:child_process';

export function ensureDebianPackage(pkg: string, isPresent: () => boolean): void {
	if (isPresent()) return;
	if (process.getuid?.() !== 0) {
		throw new Error(
			`Debian's ${pkg} is missing: run \`sudo apt-get update && sudo apt-get install -y ${pkg}\``,
		);
	}
	const run = (args: string[]) =>
		spawnSync('apt-get', args, {
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
	run(['update', '-qq']);
	run(['install', '-y', '-qq', pkg]);
	if (!isPresent()) throw new Error(`apt-get could not install ${pkg}`);
}

/** True when `command` runs (found in PATH and exits 0 with `args`). */
export function commandWorks(command: string, args: string[] = ['--version']): boolean {
	return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}
