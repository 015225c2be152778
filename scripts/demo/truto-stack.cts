/**
 * The demo stack on Truto (see stack.cts): a seeded Truto sandbox with the demo owners in every
 * integrated account, a Truto API credential whose default integrated account is the sandbox's
 * first (a HubSpot connection), and templates/lead-routing-truto.json.
 */
import {
	startTrutoSandbox,
	type TrutoSandbox,
	type TrutoSandboxOptions,
} from '../../sandbox/truto/index.cjs';
import { seedTrutoOwners } from './seed.cjs';
import { startStack, type DemoStack, type DemoStackOptions } from './stack.cjs';
import { TRUTO_TEMPLATE_PATH } from './template.cjs';

export interface TrutoDemoStackOptions extends DemoStackOptions {
	/** What record events carry (default: the whole record, as the reference assumes). */
	recordPayload?: TrutoSandboxOptions['recordPayload'];
}

export const trutoCredentialData = (truto: TrutoSandbox) => ({
	apiToken: truto.token,
	integratedAccountId: truto.accounts.defaultId(),
	baseUrl: truto.url,
});

export async function startTrutoDemoStack(
	options: TrutoDemoStackOptions = {},
): Promise<DemoStack<TrutoSandbox>> {
	return await startStack<TrutoSandbox>(
		{
			async sandbox() {
				const truto = await startTrutoSandbox({
					seed: true,
					port: options.sandboxPort ?? 0,
					emitEvents: options.emitEvents ?? false,
					recordPayload: options.recordPayload,
				});
				seedTrutoOwners(truto);
				return truto;
			},
			nodeTypes: ['trutoCrm', 'trutoCrmTrigger'],
			credential: { name: 'Truto account', type: 'trutoApi', data: trutoCredentialData },
			templatePath: TRUTO_TEMPLATE_PATH,
		},
		options,
	);
}
