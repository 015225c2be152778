import type { Sandbox } from './index.cjs';

/** What `npm run sandbox` prints about a running Apideck sandbox. */
export function describeApideck(sandbox: Sandbox): string[] {
	return [
		`Apideck sandbox listening on ${sandbox.url}`,
		`  API key:        ${sandbox.apiKey}`,
		`  Application ID: ${sandbox.appId}`,
		...Object.entries(sandbox.consumers).map(
			([consumer, services]) =>
				`  Consumer ID:    ${consumer} (connections: ${services.join(', ')})`,
		),
		`  Webhook events on record changes: ${sandbox.webhooks.autoEmit ? 'on' : 'off (--emit-events)'}`,
	];
}
