/**
 * The editor of a real n8n in headless Chromium: log in, start a new workflow, add the Apideck CRM
 * node as "Create a lead", and check that the node opens with resource Lead, operation Create and
 * its fields. Screenshot: test/e2e/artifacts/editor-lead-create-<version>.png; with
 * UPDATE_DOCS_SCREENSHOT=1 (n8n 2.x) it is also copied to docs/images/editor-lead-create.png.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

import { startDemoStack, type DemoStack } from '../../scripts/demo/stack.cjs';
import { launchChromium } from './helpers/chromium.cjs';
import { n8nVersion } from './helpers/n8n-version.cjs';

jest.setTimeout(15 * 60_000); // the first run may install n8n (and chromium)

const ROOT = join(__dirname, '../..');
const ARTIFACTS = join(ROOT, 'test/e2e/artifacts');
let stack: DemoStack;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
	mkdirSync(ARTIFACTS, { recursive: true });
	[stack, browser] = await Promise.all([
		startDemoStack({ importTemplate: false, n8n: { version: n8nVersion(), quietInstall: true } }),
		launchChromium(),
	]);
	context = browser.context;
	page = context.pages()[0] ?? (await context.newPage());
	// The editor's first load compiles and fetches megabytes; on a loaded 2-core machine n8n 1.x
	// took over 30 s to show the canvas.
	page.setDefaultTimeout(90_000);
});

afterAll(async () => {
	if (page && n8nVersion()) {
		await page
			.screenshot({ path: join(ARTIFACTS, `editor-last-${n8nVersion()}.png`) })
			.catch(() => undefined);
	}
	await browser?.close();
	await stack?.stop();
});

test('the Apideck CRM node renders resource Lead, operation Create and its fields', async () => {
	const { url, owner } = stack.n8n;
	await page.goto(`${url}/signin`);
	await page
		.locator('input[type=email], input[name=emailOrLdapLoginId], input[name=email]')
		.first()
		.fill(owner.email);
	await page.locator('input[type=password]').first().fill(owner.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((u) => !u.pathname.includes('signin'));

	await page.goto(`${url}/workflow/new`);
	// An empty workflow first asks for a trigger: take the manual one, then add the next step.
	await page.locator('[data-test-id="canvas-add-button"]').click();
	await page.keyboard.type('manual');
	await page.getByText(/Trigger manually|Manual Trigger/).first().waitFor(); // 2.x | 1.x wording
	await page.keyboard.press('Enter');
	await page
		.locator('[data-test-id="canvas-trigger-node"], [data-test-id="canvas-node"]')
		.first()
		.waitFor();
	await page.keyboard.press('Escape');
	await page.locator('[data-test-id="canvas-handle-plus"]').first().click();
	await page.keyboard.type('Apideck CRM');
	await page
		.locator('[data-test-id="node-creator-item-name"]', { hasText: /^Apideck CRM$/ })
		.first()
		.click();
	await page.getByText('Create a lead', { exact: true }).first().click();

	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.waitFor();
	const parameters = ndv.locator('[data-test-id="node-parameters"]');
	await expectInputValue(
		parameters.locator('[data-test-id="parameter-input-resource"] input'),
		'Lead',
	);
	await expectInputValue(
		parameters.locator('[data-test-id="parameter-input-operation"] input'),
		'Create',
	);
	const name = parameters.locator('[data-test-id="parameter-input-name"]');
	await name.waitFor();
	await parameters.getByText('Name', { exact: true }).waitFor();
	await parameters.getByText('Additional Fields', { exact: true }).waitFor();
	await expect(
		ndv.locator('[data-test-id="node-credentials-select"] input').inputValue(),
	).resolves.toBe('Apideck account');
	await name.locator('input, textarea').first().fill('Ada Lovelace');
	await ndv.locator('[data-test-id="tab-params"]').click(); // closes the input tip over the fields
	await parameters.getByText('Additional Fields', { exact: true }).waitFor({ state: 'visible' });

	const shot = join(ARTIFACTS, `editor-lead-create-${n8nVersion()}.png`);
	await page.screenshot({ path: shot });
	if (process.env.UPDATE_DOCS_SCREENSHOT === '1' && !n8nVersion().startsWith('1.')) {
		mkdirSync(join(ROOT, 'docs/images'), { recursive: true });
		copyFileSync(shot, join(ROOT, 'docs/images/editor-lead-create.png'));
	}
});

async function expectInputValue(locator: ReturnType<Page['locator']>, value: string) {
	await locator.first().waitFor();
	const deadline = Date.now() + 10_000;
	let current = await locator.first().inputValue();
	while (current !== value && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 100));
		current = await locator.first().inputValue();
	}
	expect(current).toBe(value);
}
