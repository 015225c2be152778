import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { resources } from '../ApideckCrm/catalog';
import { apideckRequest } from '../shared/apideck';
import { apiPath } from '../shared/core';
import type { FullRecord } from '../shared/trigger';
import { readBudget, readHints, readRecord } from '../shared/trigger';
import type { Entity } from './events';
import { sameConsumer } from './filter';
import type { CrmEvent } from './payload';

// Apideck waits for the webhook's answer while the record is read, and sends the event again
// when it waits too long: two attempts and the pause between them fit in 10 s.
const BUDGET = readBudget(10_000, 2, 1_000);

const hintFor = readHints(BUDGET, 'Apideck', 'Apideck CRM');

/** What the trigger knows about who sent the event and whose credential it holds. */
export interface RecordAccess {
	/** The signature was checked: the event really comes from Apideck. */
	signed: boolean;
	/** The credential's consumer ID. */
	ownConsumer: string;
}

/**
 * An unsigned event may have been made up by anyone who knows the webhook URL; reading the
 * consumer it names with the application's key would hand them another tenant's data.
 */
function refusedRead(event: CrmEvent, access: RecordAccess): IDataObject | undefined {
	if (access.signed || sameConsumer(event.consumer_id, access.ownConsumer)) return undefined;
	return {
		message: `Not fetched: the event names another consumer (${String(event.consumer_id ?? '').trim()}) and Verify Signature is off, so the trigger cannot tell that Apideck sent it. Without a verified signature, records are only read for the credential’s consumer.`,
		hint: 'Turn Verify Signature on to read the records of every consumer.',
	};
}

/**
 * Fetches the record the event is about, as the event's consumer and connector. The URL in the
 * event is not followed: the request goes to the credential's base URL, so the API key is never
 * sent to a host named by a delivery.
 */
export async function fetchFullRecord(
	ctx: IWebhookFunctions,
	event: CrmEvent,
	entity: Entity,
	access: RecordAccess,
): Promise<FullRecord> {
	const refused = refusedRead(event, access);
	if (refused) return { recordError: refused };
	const endpoint = resources[entity].operations.get;
	if (!endpoint) return { recordError: { message: `Apideck has no endpoint to read a ${entity}` } };
	const read = async () => {
		const envelope = await apideckRequest<IDataObject>(
			ctx,
			{
				method: endpoint.method,
				path: apiPath(endpoint.path, { id: event.entity_id }),
				consumerId: event.consumer_id?.trim() || undefined,
				serviceId: event.service_id,
				timeoutMs: BUDGET.timeoutMs,
			},
			BUDGET.policy,
		);
		return envelope.data;
	};
	return await readRecord('Apideck', entity, read, hintFor);
}
