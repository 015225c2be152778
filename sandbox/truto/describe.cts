import type { JsonObject } from '../http/types.cjs';
import type { TrutoSandbox } from './index.cjs';

/** What `npm run sandbox -- --truto` prints about a running Truto sandbox. */
export function describeTruto(sandbox: TrutoSandbox): string[] {
	const integration = (a: JsonObject) => (a.integration as JsonObject | undefined)?.name;
	return [
		`Truto sandbox listening on ${sandbox.url}`,
		`  API token:      ${sandbox.token}`,
		`  Environment:    ${sandbox.environmentId}`,
		...sandbox.accounts
			.all()
			.map(
				(a) =>
					`  Integrated account ${String(a.id)} (${String(integration(a))}${a.is_sandbox ? ', sandbox' : ''})`,
			),
		`  Special accounts: ${sandbox.accounts.id('blocked')} answers 503, ${sandbox.accounts.id('expired')} a remote 401`,
		`  Webhook events on record changes: ${sandbox.webhooks.autoEmit ? 'on' : 'off (--emit-events)'}`,
	];
}
