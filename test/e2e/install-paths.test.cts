/**
 * The README's install from a release tarball, done as a user does it: `npm pack`, then
 * `npm install --prefix <user folder>/.n8n/nodes --omit=peer <tarball>`, then n8n started on that
 * user folder. n8n must load the nodes and the credential from there (nothing staged by the test
 * tooling), and the lead-routing template must route a lead with them. A clone installs the same
 * way after `npm ci && npm run build && npm pack`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEMO_SANDBOX_DEFAULTS, fireLead } from '../../scripts/demo/fire.cjs';
import { startDemoStack, type DemoStack } from '../../scripts/demo/stack.cjs';
import { REPO_ROOT } from '../../scripts/n8n/community-package.cjs';
import { n8nVersion } from './helpers/n8n-version.cjs';

jest.setTimeout(15 * 60_000); // the first run may install n8n

const workDir = mkdtempSync(join(tmpdir(), 'install-path-'));
const nodesFolder = join(workDir, 'user', '.n8n', 'nodes');
let stack: DemoStack | undefined;

const npm = (args: string[], cwd: string) =>
	execFileSync('npm', [...args, '--no-audit', '--no-fund'], {
		cwd,
		encoding: 'utf8',
		stdio: 'pipe',
	});

beforeAll(async () => {
	const [{ filename }] = JSON.parse(
		npm(['pack', '--json', '--ignore-scripts', '--pack-destination', workDir], REPO_ROOT),
	) as Array<{ filename: string }>;
	npm(['install', '--prefix', nodesFolder, '--omit=peer', join(workDir, filename)], workDir);
	stack = await startDemoStack({
		emitEvents: true,
		activate: true,
		n8n: {
			version: n8nVersion(),
			quietInstall: true,
			packageDir: false,
			userFolder: join(workDir, 'user'),
		},
	});
});

afterAll(async () => {
	await stack?.stop();
	rmSync(workDir, { recursive: true, force: true });
});

test('npm puts the package alone where n8n looks for community packages', () => {
	const installed = join(nodesFolder, 'node_modules');
	expect(readdirSync(installed).filter((name) => !name.startsWith('.'))).toEqual([
		'n8n-nodes-apideck-crm',
	]);
	expect(
		existsSync(join(installed, 'n8n-nodes-apideck-crm/dist/nodes/ApideckCrm/ApideckCrm.node.js')),
	).toBe(true);
});

test('n8n loaded the installed nodes: a new lead gets its owner and a follow-up task', async () => {
	const result = await fireLead({ url: stack!.sandbox.url, ...DEMO_SANDBOX_DEFAULTS }, 'DE');
	expect(result.ownerId).toBe('demo-owner-europe');
	expect(result.task?.title).toContain(result.name);
});
