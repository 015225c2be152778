#!/usr/bin/env node
/**
 * How dev-only TypeScript (`.cts`: tests, sandbox, scripts, bench) is loaded — by jest and by
 * Node alike:
 *   - our `.cts` files import each other as `./x.cjs` (what TypeScript wants); the source is
 *     `./x.cts`;
 *   - node classes sit next to their codex (`ApideckCrm.node.json`) and Node's require() tries
 *     `.json` before `.ts`, so an extensionless `…/ApideckCrm.node` means `ApideckCrm.node.ts`.
 *
 * jest:  `resolver: '<rootDir>/scripts/dev-loader.cjs'`
 * Node:  `node scripts/dev-loader.cjs <file.cts> [args…]` runs the file with ts-node.
 */
'use strict';

const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

/** The TypeScript source a relative or absolute request stands for, if it is one of ours. */
function sourceFor(request, basedir) {
	if (!request.startsWith('.') && !path.isAbsolute(request)) return undefined;
	const target = path.resolve(basedir, request);
	const candidate = target.endsWith('.cjs')
		? target.replace(/\.cjs$/, '.cts')
		: path.extname(target) === '.node'
			? `${target}.ts`
			: undefined;
	return candidate && fs.existsSync(candidate) ? candidate : undefined;
}

/** jest's resolver. */
module.exports = (request, options) =>
	sourceFor(request, options.basedir) ?? options.defaultResolver(request, options);

function run(file, args) {
	require('ts-node').register({
		transpileOnly: true,
		project: path.resolve(__dirname, '../tsconfig.json'),
	});
	const resolve = Module._resolveFilename;
	Module._resolveFilename = function (request, parent, ...rest) {
		const source = parent?.filename && sourceFor(request, path.dirname(parent.filename));
		return source || resolve.call(this, request, parent, ...rest);
	};
	process.argv = [process.argv[0], path.resolve(file), ...args];
	require(path.resolve(file));
}

if (require.main === module) {
	const [file, ...args] = process.argv.slice(2);
	if (!file) {
		process.stderr.write('usage: node scripts/dev-loader.cjs <file.cts> [args…]\n');
		process.exit(2);
	}
	run(file, args);
}
