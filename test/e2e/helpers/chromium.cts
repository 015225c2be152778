/**
 * Debian's chromium driven by playwright-core (no browser download). Installed with apt-get when
 * missing and we are root (CI); otherwise the error says how to install it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureChromium(): void {
	if (existsSync(CHROMIUM)) return;
	if (process.getuid?.() !== 0) {
		throw new Error(
			`${CHROMIUM} is missing: run \`sudo apt-get update && sudo apt-get install -y chromium\``,
		);
	}
	const run = (args: string[]) =>
		spawnSync('apt-get', args, {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
	run(['update', '-qq']);
	run(['install', '-y', '-qq', 'chromium']);
	if (!existsSync(CHROMIUM)) throw new Error('apt-get could not install chromium');
	execFileSync(CHROMIUM, ['--version'], { stdio: 'inherit' });
}

export async function launchChromium(): Promise<{
	context: BrowserContext;
	close(): Promise<void>;
}> {
	ensureChromium();
	const userDataDir = mkdtempSync(join(tmpdir(), 'e2e-chromium-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM,
		headless: true,
		viewport: { width: 1440, height: 900 },
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	return {
		context,
		close: async () => {
			await context.close();
			rmSync(userDataDir, { recursive: true, force: true });
		},
	};
}
