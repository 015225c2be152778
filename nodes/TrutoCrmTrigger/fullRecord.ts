import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { apiPath } from '../shared/core';
import type { FullRecord } from '../shared/trigger';
import { readBudget, readHints, readRecord } from '../shared/trigger';
import { trutoRequest } from '../shared/truto';
import type { CatalogEndpoint } from '../TrutoCrm/catalog';
import type { TrutoDelivery } from './payload';
import { readEndpoint } from './resources';

// Truto waits for the answer while the record is read and retries a delivery that takes too
// long (its timeout is not documented), so the read is one attempt of at most 4 s.
const BUDGET = readBudget(4_000, 1, 0);

const hintFor = readHints(BUDGET, 'Truto', 'Truto CRM');

/** Why the record cannot be read at all, before anything is sent. */
function unreadable(delivery: TrutoDelivery): string | undefined {
	if (!delivery.integratedAccountId) return 'the event names no integrated account';
	if (!delivery.resourcePath) {
		return `the event names no CRM resource this trigger knows (${delivery.resource ?? 'none'})`;
	}
	if (!readEndpoint(delivery.resourcePath)) {
		return `Truto's CRM API cannot read a single record of ${delivery.resourcePath}`;
	}
	return undefined;
}

/**
 * Reads the record the event names from the CRM of the event's integrated account, within the
 * budget. The request goes to the credential's base URL with the credential's token; nothing
 * in the event decides where it is sent, and the resource must be one of Truto's CRM resources.
 */
export async function fetchFullRecord(
	ctx: IWebhookFunctions,
	delivery: TrutoDelivery,
): Promise<FullRecord> {
	const reason = unreadable(delivery);
	if (reason) return { recordError: { message: `Not fetched: ${reason}` } };
	const what = delivery.resourcePath as string;
	const endpoint = readEndpoint(what) as CatalogEndpoint;
	const read = async () =>
		await trutoRequest<IDataObject>(
			ctx,
			{
				method: endpoint.method,
				path: apiPath(endpoint.path, { id: delivery.recordId as string }),
				integratedAccountId: delivery.integratedAccountId,
				timeoutMs: BUDGET.timeoutMs,
			},
			BUDGET.policy,
		);
	return await readRecord('Truto', `record of ${what}`, read, hintFor);
}
