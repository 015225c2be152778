import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { trutoSettings } from '../shared/truto';

/**
 * The integrated account whose events start the workflow, as the node's Integrated Account
 * parameter chooses it: undefined for any account, '' when the chosen source names none.
 */
export async function accountToFilter(
	ctx: IHookFunctions | IWebhookFunctions,
): Promise<string | undefined> {
	const filter = ctx.getNodeParameter('integratedAccountFilter', 'credential') as string;
	if (filter === 'any') return undefined;
	if (filter === 'specific') {
		const chosen = ctx.getNodeParameter('integratedAccount', '', { extractValue: true });
		return String(chosen ?? '').trim();
	}
	return (await trutoSettings(ctx)).integratedAccountId.trim();
}

/** Refuses an activation that would ignore every event because no account is named. */
export async function requireAccount(ctx: IHookFunctions): Promise<void> {
	if ((await accountToFilter(ctx)) !== '') return;
	const specific = ctx.getNodeParameter('integratedAccountFilter', 'credential') === 'specific';
	throw new NodeOperationError(
		ctx.getNode(),
		specific
			? 'Choose the integrated account whose events start this workflow'
			: 'The Truto credential has no Default Integrated Account ID',
		{
			description: specific
				? 'Pick it from the list under Integrated Account ID, or choose Any Integrated Account.'
				: 'Set a Default Integrated Account ID in the credential, or choose Specific or Any Integrated Account in the trigger; otherwise every event would be ignored.',
		},
	);
}
