import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

import { codexOf, manifest, ROOT } from './manifest.cjs';

// What n8n loads from an installed package; anything else in the tarball is dead weight.
const RUNTIME_FILES: RegExp[] = [
	/^package\.json$/,
	/^README\.md$/,
	/^LICENSE$/,
	/^dist\/credentials\/\w+\.credentials\.js$/,
	/^dist\/nodes\/.+\.js$/,
	/^dist\/nodes\/(\w+)\/\1\.node\.json$/,
	/^dist\/(icons|nodes|credentials)\/.+\.(svg|png)$/,
];

const built = existsSync(join(ROOT, 'dist', 'nodes'));
if (!built && !process.env.CI) {
	console.warn(
		'tarball.test: no dist/ yet, skipping (run `npm run build` first; CI fails instead)',
	);
}
const packedIt = built || process.env.CI ? it : it.skip;

let packed: string[] | undefined;
/** The file list of `npm pack --dry-run` (the same list `npm publish` uploads). */
function packedFiles(): string[] {
	if (!built) throw new Error('dist/ is missing: run `npm run build` before `npm test`');
	if (!packed) {
		const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const [result] = JSON.parse(out) as Array<{ files: Array<{ path: string }> }>;
		packed = result.files.map((file) => file.path).sort();
	}
	return packed;
}

describe('npm tarball', () => {
	packedIt('holds only files n8n loads', () => {
		const extra = packedFiles().filter((file) => !RUNTIME_FILES.some((re) => re.test(file)));
		expect(extra).toEqual([]);
	});

	packedIt('holds every node and credential package.json lists, each node with its codex', () => {
		const files = packedFiles();
		const listed = [...manifest.n8n.nodes, ...manifest.n8n.credentials];
		const wanted = [...listed, ...manifest.n8n.nodes.map(codexOf)];
		expect(listed.length).toBeGreaterThan(0);
		expect(wanted.filter((file) => !files.includes(file))).toEqual([]);
	});

	packedIt('holds every icon the nodes and credentials point at', () => {
		const files = packedFiles();
		const icons = new Set<string>();
		for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
			const code = readFileSync(join(ROOT, file), 'utf8');
			for (const [, icon] of code.matchAll(/['"]file:([^'"]+)['"]/g)) {
				icons.add(posix.normalize(posix.join(posix.dirname(file), icon)));
			}
		}
		expect(icons.size).toBeGreaterThan(0);
		expect([...icons].filter((icon) => !files.includes(icon))).toEqual([]);
	});
});
