import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeType } from 'n8n-workflow';

import { codexOf, manifest, readText, ROOT, sourceOf, tarballName } from './manifest.cjs';

// n8n's verification checks that npm's repository link, the GitHub repository, the author and
// the docs agree; these tests keep package.json, the codex files, README, LICENSE and CHANGELOG
// telling the same story.
const repo = /^https:\/\/github\.com\/([\w.-]+)\/([\w.-]+?)\.git$/.exec(manifest.repository.url);
const repoHome = repo ? `https://github.com/${repo[1]}/${repo[2]}` : '(no GitHub URL)';

interface Codex {
	node: string;
	nodeVersion: string;
	resources: Record<string, Array<{ url: string }>>;
}

function loadNode(nodeFile: string): INodeType {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- the node file named by package.json
	const exported = require(join(ROOT, sourceOf(nodeFile))) as Record<string, new () => INodeType>;
	const [NodeClass] = Object.values(exported);
	return new NodeClass();
}

describe('package metadata', () => {
	it('follows n8n community package conventions', () => {
		expect(manifest.name).toMatch(/^(@[\w.-]+\/)?n8n-nodes-[\w.-]+$/);
		expect(manifest.keywords).toContain('n8n-community-node-package');
		expect(manifest.version).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
		expect(manifest.license).toBe('MIT');
		expect(manifest.author.name).toBeTruthy();
	});

	it('names one GitHub repository as repository and homepage', () => {
		expect(manifest.repository.type).toBe('git');
		expect(repo).not.toBeNull();
		expect(manifest.homepage.replace(/#readme$/, '')).toBe(repoHome);
	});

	it('has a lock file of the same name and version', () => {
		const lock = JSON.parse(readText('package-lock.json')) as { name: string; version: string };
		expect({ name: lock.name, version: lock.version }).toEqual({
			name: manifest.name,
			version: manifest.version,
		});
	});

	it('has an MIT LICENSE in the author’s name', () => {
		const license = readText('LICENSE');
		expect(license).toMatch(/^MIT License/);
		expect(license).toContain(`Copyright (c) `);
		expect(license.split('\n').find((line) => line.startsWith('Copyright'))).toContain(
			manifest.author.name,
		);
	});

	it.each(manifest.n8n.nodes)('%s: codex names the node and links into the repository', (file) => {
		const codexFile = sourceOf(codexOf(file));
		const codex = JSON.parse(readText(codexFile)) as Codex;
		const { description } = loadNode(file);
		const versions = [description.version].flat();
		expect(codex.node).toBe(`${manifest.name}.${description.name}`);
		expect(Number(codex.nodeVersion)).toBe(Math.max(...versions));

		const urls = Object.values(codex.resources).flatMap((links) => links.map((l) => l.url));
		expect(urls.length).toBeGreaterThan(0);
		for (const url of urls) {
			expect(url.startsWith(`${repoHome}/`) || url.startsWith(`${repoHome}#`)).toBe(true);
			// Links to files on the default branch must point at files that exist.
			const path = url.startsWith(`${repoHome}/blob/main/`)
				? url.slice(`${repoHome}/blob/main/`.length).split('#')[0]
				: undefined;
			if (path) expect(existsSync(join(ROOT, path))).toBe(true);
		}
	});

	it('README gives the package name, the release tarball, the clone URL and the author', () => {
		const readme = readText('README.md');
		expect(readme).toContain(`# ${manifest.name}`);
		expect(readme).toContain(tarballName());
		expect(readme).toContain(`git clone ${repoHome}.git`);
		expect(readme).toContain(manifest.author.name);
	});

	it('CHANGELOG starts with this version', () => {
		const changelog = readText('CHANGELOG.md');
		const versions = [...changelog.matchAll(/^## \[([^\]]+)\]/gm)].map((m) => m[1]);
		expect(versions.filter((v) => v !== 'Unreleased')[0]).toBe(manifest.version);
	});
});
