/**
 * Finds (installing when needed) the cached n8n made by scripts/n8n/install.sh.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const DEFAULT_N8N_VERSION = '2.40.7';

export interface N8nInstallation {
	version: string;
	/** Cache folder: holds node_modules/n8n and node/ (Node 24). */
	home: string;
	/** Node 24 binary n8n runs on. */
	nodeBin: string;
	/** n8n's CLI entry (run it as `nodeBin n8nBin start`). */
	n8nBin: string;
	/** require() resolving from inside the n8n install (e.g. `flatted`). */
	requireFromN8n: NodeJS.Require;
}

export function ensureN8nInstalled(
	options: { version?: string; quiet?: boolean } = {},
): N8nInstallation {
	const version = options.version ?? process.env.N8N_VERSION ?? DEFAULT_N8N_VERSION;
	const script = join(__dirname, 'install.sh');
	const result = spawnSync('bash', [script], {
		env: { ...process.env, N8N_VERSION: version },
		stdio: ['ignore', 'pipe', options.quiet ? 'pipe' : 'inherit'],
		encoding: 'utf8',
	});
	const home = /^N8N_HOME=(.+)$/m.exec(result.stdout ?? '')?.[1];
	if (result.status !== 0 || !home) {
		throw new Error(
			`scripts/n8n/install.sh failed (exit ${result.status})\n${result.stderr ?? ''}`.trim(),
		);
	}
	return describeInstallation(home, version);
}

export function describeInstallation(home: string, version: string): N8nInstallation {
	const nodeBin = join(home, 'node/node_modules/node/bin/node');
	const n8nBin = join(home, 'node_modules/n8n/bin/n8n');
	for (const file of [nodeBin, n8nBin]) {
		if (!existsSync(file)) throw new Error(`n8n install at ${home} lacks ${file}`);
	}
	const requireFromN8n = createRequire(join(home, 'node_modules/n8n/package.json'));
	return { version, home, nodeBin, n8nBin, requireFromN8n };
}
