/**
 * Which n8n a test file runs against. test/e2e/jest.config.cjs makes one jest project per
 * version in N8N_VERSIONS and hands it to the tests as the global `__N8N_VERSION__`.
 */
import { DEFAULT_N8N_VERSION } from '../../../scripts/n8n/installation.cjs';

export function n8nVersion(): string {
	const fromProject = (globalThis as { __N8N_VERSION__?: string }).__N8N_VERSION__;
	return fromProject ?? process.env.N8N_VERSION ?? DEFAULT_N8N_VERSION;
}

export const isN8n1 = () => n8nVersion().startsWith('1.');
