/**
 * The nodes now sit next to their codex files (`ApideckCrm.node.json`), and Node's require()
 * tries `.json` before ts-node's `.ts`, so `require('…/ApideckCrm.node')` would load the codex.
 * Under ts-node (the bench runs outside jest) point extensionless requests at the `.ts` source
 * when one exists. Import this first.
 */
import { existsSync } from 'node:fs';
import Module from 'node:module';
import { dirname, extname, isAbsolute, resolve } from 'node:path';

const internal = Module as unknown as {
	_resolveFilename: (
		request: string,
		parent: { filename?: string } | undefined,
		...rest: unknown[]
	) => string;
};
const original = internal._resolveFilename;
internal._resolveFilename = function (request, parent, ...rest) {
	if (
		parent?.filename &&
		(request.startsWith('.') || isAbsolute(request)) &&
		extname(request) === '.node'
	) {
		const source = `${resolve(dirname(parent.filename), request)}.ts`;
		if (existsSync(source)) return source;
	}
	return original.call(this, request, parent, ...rest);
};
