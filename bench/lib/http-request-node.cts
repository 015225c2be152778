/**
 * n8n's own HTTP Request node class, for comparison. n8n-nodes-base is not a devDependency: at
 * 2.40.2 it pulls ~900 packages (~800 MB, ~80 s to install), so it is loaded from where it already
 * is — a devDependency if someone added one, N8N_NODES_BASE_DIR, or the real n8n 2.40.7 that
 * `npm run n8n:install` (scripts/n8n/install.sh) puts in the cache. Its `n8n-workflow` and
 * `n8n-core` imports are pointed at this repo's copies so the engine and the node share one
 * n8n-workflow (same version, 2.40.1).
 */
import { existsSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { IVersionedNodeType } from 'n8n-workflow';

const N8N_VERSION = process.env.N8N_VERSION ?? '2.40.7';
const NODE_FILE = 'dist/nodes/HttpRequest/HttpRequest.node.js';

function cacheDir(): string {
	const base =
		process.env.N8N_CACHE_DIR ??
		join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-apideck-crm');
	return join(base, `n8n-${N8N_VERSION}`, 'node_modules', 'n8n-nodes-base');
}

/** Folder of n8n-nodes-base and where it came from, or undefined when it is nowhere. */
export function locateNodesBase(): { dir: string; source: string } | undefined {
	try {
		const pkg = require.resolve('n8n-nodes-base/package.json');
		return { dir: dirname(pkg), source: 'devDependency' };
	} catch {
		// not installed in this repo: look further
	}
	const fromEnv = process.env.N8N_NODES_BASE_DIR;
	if (fromEnv && existsSync(join(fromEnv, NODE_FILE)))
		return { dir: fromEnv, source: 'N8N_NODES_BASE_DIR' };
	const cached = cacheDir();
	if (existsSync(join(cached, NODE_FILE)))
		return { dir: cached, source: `n8n ${N8N_VERSION} install cache` };
	return undefined;
}

export function nodesBaseVersion(dir: string): string {
	return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string })
		.version;
}

let shared = false;
function shareEngineModules(dir: string) {
	if (shared) return;
	shared = true;
	const own = {
		'n8n-workflow': require.resolve('n8n-workflow'),
		'n8n-core': require.resolve('n8n-core'),
	};
	const internal = Module as unknown as {
		_resolveFilename: (
			request: unknown,
			parent: { filename?: string } | undefined,
			...rest: unknown[]
		) => string;
	};
	const resolve = internal._resolveFilename;
	internal._resolveFilename = function (
		request: unknown,
		parent: { filename?: string } | undefined,
		...rest: unknown[]
	) {
		if (
			(request === 'n8n-workflow' || request === 'n8n-core') &&
			parent?.filename?.startsWith(dir)
		) {
			return own[request];
		}
		return resolve.call(this, request, parent, ...rest);
	};
}

export function loadHttpRequestNode(dir: string): IVersionedNodeType {
	shareEngineModules(dir);
	// A runtime path outside this repo: nothing to import statically.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { HttpRequest } = require(join(dir, NODE_FILE)) as {
		HttpRequest: new () => IVersionedNodeType;
	};
	return new HttpRequest();
}
