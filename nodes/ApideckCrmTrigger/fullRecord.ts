import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { resources } from '../ApideckCrm/catalog';
import { apideckRequest } from '../shared/apideck';
import type { RetryPolicy } from '../shared/core';
import { apiPath } from '../shared/core';
import type { Entity } from './events';
import type { CrmEvent } from './payload';

// Apideck waits for the webhook's answer while the record is fetched: keep retries short so a
// slow CRM cannot make Apideck time out and deliver the event again.
const WEBHOOK_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 2,
	maxTotalWaitMs: 3_000,
	baseDelayMs: 500,
	maxDelayMs: 2_000,
};
const WEBHOOK_TIMEOUT_MS = 15_000;

type FullRecord = { record: IDataObject } | { recordError: IDataObject };

/**
 * Fetches the record the event is about, as the event's consumer and connector. The URL in the
 * event is not followed: the request goes to the credential's base URL, so the API key is never
 * sent to a host named by a delivery.
 */
export async function fetchFullRecord(
	ctx: IWebhookFunctions,
	event: CrmEvent,
	entity: Entity,
): Promise<FullRecord> {
	const endpoint = resources[entity].operations.get;
	if (!endpoint) return { recordError: { message: `Apideck has no endpoint to read a ${entity}` } };
	try {
		const envelope = await apideckRequest<IDataObject>(
			ctx,
			{
				method: endpoint.method,
				path: apiPath(endpoint.path, { id: event.entity_id }),
				consumerId: event.consumer_id,
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
		if (failure.httpCode === '404') {
			recordError.hint = 'The record was probably deleted or merged after the event was sent.';
		}
		if (failure.description) recordError.description = failure.description;
		return { recordError };
	}
}
