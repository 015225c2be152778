import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface Generator {
	backendById(id: string): { out: string; specEnv: string };
	specPathOf(backend: object): string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require('../../scripts/catalog/generate.cjs') as Generator;

const root = resolve(__dirname, '../..');

/** A backend's spec, its committed catalog folder, and tests that need the spec. */
export function generatedCatalog(backendId: string) {
	const backend = generator.backendById(backendId);
	const spec = generator.specPathOf(backend);
	const committed = resolve(root, backend.out);

	/**
	 * Tests that read the spec. CI has ../shared next to the checkout, so there they always run
	 * and a missing spec fails; elsewhere they are skipped with a warning.
	 */
	function specIt(name: string, test: () => void) {
		if (existsSync(spec)) return it(name, test);
		if (process.env.CI) {
			return it(name, () => {
				throw new Error(
					`${spec} is missing. CI must check out the shared specs next to the repository (or set ${backend.specEnv}) so that the catalog is compared with the generator.`,
				);
			});
		}
		console.warn(`${spec} is absent, skipping "${name}" (set ${backend.specEnv} to run it)`);
		return it.skip(name, test);
	}

	/** The committed catalog equals what the generator makes from the spec now, file by file. */
	function expectUpToDate() {
		const out = mkdtempSync(join(tmpdir(), 'catalog-'));
		try {
			// A child process: prettier 3 needs ES module support that jest's VM does not give.
			execFileSync(
				process.execPath,
				['scripts/catalog/generate.cjs', '--backend', backendId, '--spec', spec, '--out', out],
				{ cwd: root, stdio: 'pipe' },
			);
			const fresh = readdirSync(out).sort();
			expect(readdirSync(committed).sort()).toEqual(fresh);
			for (const file of fresh) {
				expect({ file, content: readFileSync(join(committed, file), 'utf8') }).toEqual({
					file,
					content: readFileSync(join(out, file), 'utf8'),
				});
			}
		} finally {
			rmSync(out, { recursive: true, force: true });
		}
	}

	return { spec, committed, specIt, expectUpToDate };
}
