#!/usr/bin/env node
/**
 * Runs n8n's own static analyser for community packages (@n8n/scan-community-package, what n8n
 * runs before it verifies a package) without the registry:
 *   node scripts/release/scan-package.mjs                 # the tarball `npm pack` makes + the sources
 *   node scripts/release/scan-package.mjs --published <name>@<version>
 * The second form is n8n's full check of a published version (npm provenance, the attested
 * source on GitHub, the tarball); the release workflow runs it after publishing.
 * Exits 1 with the analyser's findings when a check fails (its own CLI exits 0 either way).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCANNER = '@n8n/scan-community-package/scanner/scanner.mjs';
// The scanner makes a temporary folder as it loads; have its `tmp` library remove it at exit.
createRequire(import.meta.resolve(SCANNER))('tmp').setGracefulCleanup();
const { analyzePackage, analyzePackageByName, resolvePackage, SOURCE_FILE_PATTERNS } = await import(
	SCANNER
);

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function report(label, result) {
	if (result.passed) {
		console.log(`✓ ${label}`);
		return true;
	}
	console.log(`✗ ${label}: ${result.message}`);
	if (result.details) console.log(result.details);
	return false;
}

/** `npm pack` into a temporary folder, unpacked as npm would install it. */
function packAndUnpack(workDir) {
	const out = execFileSync(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', workDir],
		{ cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
	);
	const [{ filename }] = JSON.parse(out);
	const packageDir = join(workDir, 'package');
	mkdirSync(packageDir);
	execFileSync('tar', ['-xzf', join(workDir, filename), '-C', packageDir, '--strip-components=1']);
	return { filename, packageDir };
}

async function scanLocal() {
	const workDir = mkdtempSync(join(tmpdir(), 'scan-package-'));
	try {
		const { filename, packageDir } = packAndUnpack(workDir);
		// Every .js/.ts/.json in the tarball (n8n's tarball leg looks at .js and package.json only).
		const tarball = await analyzePackage(packageDir);
		// The sources n8n lints from the repository the provenance statement points at.
		const sources = await analyzePackage(root, SOURCE_FILE_PATTERNS);
		const ok = [report(`tarball ${filename}`, tarball), report('sources', sources)];
		return ok.every(Boolean);
	} finally {
		rmSync(workDir, { recursive: true, force: true });
	}
}

async function scanPublished(spec) {
	const { packageName, version } = resolvePackage(spec);
	const result = await analyzePackageByName(packageName, version);
	return report(`${packageName}@${result.version ?? version} on npm`, result);
}

const args = process.argv.slice(2);
const published = args[0] === '--published' ? args[1] : undefined;
if (args[0] === '--published' && !published) {
	console.error('usage: scan-package.mjs [--published <name>@<version>]');
	process.exit(2);
}
const passed = published ? await scanPublished(published) : await scanLocal();
process.exit(passed ? 0 : 1);
