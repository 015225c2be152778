/**
 * The package as npm and n8n see it: package.json, the files its `n8n` section lists, and the
 * source and codex file of each listed node (`dist/nodes/X/X.node.js` ← `nodes/X/X.node.ts`).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');

export interface Manifest {
	name: string;
	version: string;
	license: string;
	homepage: string;
	keywords: string[];
	author: { name: string; email?: string };
	repository: { type: string; url: string };
	files: string[];
	n8n: { nodes: string[]; credentials: string[] };
}

export function readText(file: string): string {
	return readFileSync(join(ROOT, file), 'utf8');
}

export const manifest = JSON.parse(readText('package.json')) as Manifest;

/** `dist/nodes/X/X.node.js` → `nodes/X/X.node.ts` (likewise for credentials). */
export function sourceOf(builtFile: string): string {
	return builtFile.replace(/^dist\//, '').replace(/\.js$/, '.ts');
}

/** `dist/nodes/X/X.node.js` → `dist/nodes/X/X.node.json`: n8n reads the codex beside the node. */
export function codexOf(nodeFile: string): string {
	return nodeFile.replace(/\.js$/, '.json');
}

/** The file name `npm pack` gives this version: `@scope/name` → `scope-name-<version>.tgz`. */
export function tarballName(): string {
	return `${manifest.name.replace(/^@/, '').replace('/', '-')}-${manifest.version}.tgz`;
}
