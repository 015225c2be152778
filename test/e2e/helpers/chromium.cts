/**
 * Debian's chromium driven by playwright-core (no browser download). Installed with apt-get when
 * missing and we are root (CI); otherwise the error says how to install it (debian-package.cts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

import { ensureDebianPackage } from '../../../scripts/n8n/debian-package.cjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureChromium(): void {
	if (existsSync(CHROMIUM)) return;
	ensureDebianPackage('chromium', () => existsSync(CHROMIUM));
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
