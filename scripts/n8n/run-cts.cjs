#!/usr/bin/env node
// Runs a dev-only `.cts` file with ts-node: `node scripts/n8n/run-cts.cjs file.cts [args…]`.
// Our `.cts` files import each other as `./x.cjs` (what TypeScript wants); ts-node does not map
// that to `./x.cts`, so this adds the mapping (jest does the same in test/jest-resolver.cjs).
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

require('ts-node').register({
	transpileOnly: true,
	project: path.resolve(__dirname, '../../tsconfig.json'),
});

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
	if (
		parent?.filename &&
		(request.startsWith('.') || path.isAbsolute(request)) &&
		request.endsWith('.cjs')
	) {
		const source = path.resolve(path.dirname(parent.filename), request.replace(/\.cjs$/, '.cts'));
		if (fs.existsSync(source)) return source;
	}
	return resolve.call(this, request, parent, ...rest);
};

const [file, ...args] = process.argv.slice(2);
if (!file) {
	process.stderr.write('usage: node scripts/n8n/run-cts.cjs <file.cts> [args…]\n');
	process.exit(2);
}
process.argv = [process.argv[0], path.resolve(file), ...args];
require(path.resolve(file));
