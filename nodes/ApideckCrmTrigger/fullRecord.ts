import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { resources } from '../ApideckCrm/catalog';
import { apideckRequest } from '../shared/apideck';
import type { RetryPolicy } from '../shared/core';
import { apiPath } from '../shared/core';
import type { Entity } from './events';
import { sameConsumer } from './filter';
import type { CrmEvent } from './payload';

// Apideck waits for the webhook's answer while the record is read, and sends the event again
// when it waits too long. Both attempts and the pause between them fit in FETCH_BUDGET_MS; the
// request timeout bounds each attempt's whole request, a body trickling in included.
const FETCH_BUDGET_MS = 10_000;
const WEBHOOK_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 2,
	maxTotalWaitMs: 1_000,
	baseDelayMs: 500,
	maxDelayMs: 1_000,
};
const WEBHOOK_TIMEOUT_MS =
	(FETCH_BUDGET_MS - WEBHOOK_RETRY_POLICY.maxTotalWaitMs) / WEBHOOK_RETRY_POLICY.maxAttempts;

/** 404: gone; no answer, 429 or 5xx: the budget ran out on a slow or failing CRM. */
function hintFor(httpCode: string | null | undefined): string | undefined {
	if (httpCode === '404')
		return 'The record was probably deleted or merged after the event was sent.';
	if (!httpCode || httpCode === '429' || httpCode.startsWith('5')) {
		return `The trigger reads the record for at most ${FETCH_BUDGET_MS / 1000} s so that Apideck gets its answer in time. Read it later in the workflow with the Apideck CRM node (Get) if you need it.`;
	}
	return undefined;
}

type FullRecord = { record: IDataObject } | { recordError: IDataObject };

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
	try {
		const envelope = await apideckRequest<IDataObject>(
			ctx,
			{
				method: endpoint.method,
				path: apiPath(endpoint.path, { id: event.entity_id }),
				consumerId: event.consumer_id?.trim() || undefined,
				serviceId: event.service_id,
				timeoutMs: WEBHOOK_TIMEOUT_MS,
			},
			WEBHOOK_RETRY_POLICY,
		);
		const record = envelope.data;
		if (record && typeof record === 'object' && !Array.isArray(record))
			return { record: record as IDataObject };
		return { recordError: { message: 'Apideck answered without a record' } };
	} catch (error) {
		const failure = error as Error & { description?: string | null; httpCode?: string | null };
		const recordError: IDataObject = {
			message: `Could not fetch the ${entity}: ${failure.message}`,
		};
		if (failure.httpCode) recordError.httpCode = failure.httpCode;
		const hint = hintFor(failure.httpCode);
		if (hint) recordError.hint = hint;
		if (failure.description) recordError.description = failure.description;
		return { recordError };
	}
}
