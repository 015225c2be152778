/**
 * Puts this package into an n8n user folder the way a community-node install leaves it:
 * `<userFolder>/.n8n/nodes/node_modules/<name>/{package.json,dist/}`. n8n 2.x scans that folder
 * for `n8n-nodes-*` at start; node types are then `<name>.<node>`.
 *
 * dist/ is copied by default: files then resolve `n8n-workflow`, lodash, … from n8n's own install
 * (n8n puts its node_modules on NODE_PATH), as for a user. `link: true` symlinks dist/ instead
 * (fast, but requires resolve from the clone's node_modules).
 * Entries of package.json `n8n.nodes` / `n8n.credentials` whose file is not built yet are left out
 * of the staged package.json: n8n drops a whole package when one listed file is missing.
 */
import {
	cpSync,
	existsSync,
	mkdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../..');

export interface StagedPackage {
	name: string;
	dir: string;
	nodes: string[];
	credentials: string[];
	/** Files listed in package.json that are not built yet. */
	missing: string[];
}

interface PackageJson {
	name: string;
	n8n?: { nodes?: string[]; credentials?: string[]; [k: string]: unknown };
	[k: string]: unknown;
}

export function stagePackage(
	userFolder: string,
	options: { packageDir?: string; link?: boolean } = {},
): StagedPackage {
	const packageDir = options.packageDir ?? REPO_ROOT;
	const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as PackageJson;
	const dir = join(userFolder, '.n8n', 'nodes', 'node_modules', pkg.name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });

	// dist/ plus any other top folder package.json points into (test fixtures ship no build).
	const listed = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
	const folders = new Set(['dist', ...listed.map((file) => file.split('/')[0])]);
	for (const folder of folders) {
		const source = join(packageDir, folder);
		if (!existsSync(source)) continue;
		if (options.link) symlinkSync(source, join(dir, folder), 'dir');
		else cpSync(source, join(dir, folder), { recursive: true });
	}

	const missing: string[] = [];
	const present = (files: string[] | undefined) =>
		(files ?? []).filter((file) => {
			const ok = existsSync(join(packageDir, file));
			if (!ok) missing.push(file);
			return ok;
		});
	const nodes = present(pkg.n8n?.nodes);
	const credentials = present(pkg.n8n?.credentials);
	const staged: PackageJson = { ...pkg, n8n: { ...pkg.n8n, nodes, credentials } };
	writeFileSync(join(dir, 'package.json'), JSON.stringify(staged, null, 2));
	return { name: pkg.name, dir, nodes, credentials, missing };
}
