import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import {
	acknowledgeAndRemember,
	answerSafely,
	compactKey,
	contentKey,
	header,
	readBody,
	refuse,
	refuseBody,
	startOnce,
} from '../shared/trigger';
import { accountToFilter } from './account';
import { DEFAULT_REPLAY_WINDOW_MINUTES } from './description';
import { isRecordEvent } from './events';
import type { DeliveryFilter } from './filter';
import { replayReason, whyIgnored } from './filter';
import { fetchFullRecord } from './fullRecord';
import type { TrutoDelivery } from './payload';
import { hasOnlyId, readDelivery } from './payload';
import { isTrutoSignature } from './signature';

/**
 * Record events carry the whole unified record, the CRM's raw record (remote_data) included;
 * that stays well under this size.
 */
const MAX_BODY_BYTES = 1024 * 1024;

/** Truto's "Send test event" (POST /webhook/test) delivers this event type. */
const TEST_EVENT = 'test';

const isObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

function replayWindowMs(ctx: IWebhookFunctions): number {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const minutes = Number(options.replayWindowMinutes ?? DEFAULT_REPLAY_WINDOW_MINUTES);
	return Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : 0;
}

async function filterFor(ctx: IWebhookFunctions): Promise<DeliveryFilter> {
	return {
		events: ctx.getNodeParameter('events', []) as string[],
		integratedAccountId: await accountToFilter(ctx),
		resources: ctx.getNodeParameter('resources', []) as string[],
	};
}

/**
 * The event as delivered, plus what the trigger understood at the top level: `event` (also
 * when Truto calls it event_type), `integrated_account_id`, `resource` and `record`.
 */
async function eventItem(ctx: IWebhookFunctions, delivery: TrutoDelivery): Promise<IDataObject> {
	const item: IDataObject = { ...delivery.envelope };
	if (delivery.eventType) item.event = delivery.eventType;
	if (delivery.integratedAccountId) item.integrated_account_id = delivery.integratedAccountId;
	if (delivery.resourcePath) item.resource = delivery.resourcePath;
	if (delivery.record) item.record = delivery.record;
	else if (delivery.recordId) item.record = { id: delivery.recordId };
	const wantsRecord = ctx.getNodeParameter('fetchFullRecord', true) as boolean;
	if (
		wantsRecord &&
		isRecordEvent(delivery.eventType) &&
		delivery.eventType !== 'record:deleted' &&
		hasOnlyId(delivery)
	) {
		Object.assign(item, await fetchFullRecord(ctx, delivery));
	}
	return item;
}

async function receive(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const body = await readBody(ctx, MAX_BODY_BYTES);
	if (body.kind !== 'json') return refuseBody(ctx, body, MAX_BODY_BYTES, 'Truto event');

	// The signature covers the bytes as sent. Without n8n's raw copy, n8n's parse written back
	// as compact JSON is the closest there is (Truto sends compact JSON).
	const signedBytes = body.raw ?? JSON.stringify(body.value ?? null);
	const secret = ctx.getWorkflowStaticData('node').webhookSecret;
	const known = typeof secret === 'string' && secret !== '';
	if (!known) {
		ctx.logger.warn(
			'Truto CRM Trigger refused a delivery: no webhook secret is stored for this workflow. Deactivate and activate the workflow to create a new Truto webhook.',
		);
	}
	if (!known || !isTrutoSignature(header(ctx, 'x-truto-signature'), signedBytes, secret)) {
		return refuse(ctx, 401, {
			message: 'The x-truto-signature header is missing or does not match',
		});
	}
	if (!isObject(body.value)) {
		ctx.logger.warn('Truto CRM Trigger received a signed delivery that is not a JSON object');
		return refuse(ctx, 400, { message: 'The body is not a Truto event: it is not a JSON object' });
	}

	const delivery = readDelivery(body.value);
	if (delivery.eventType === TEST_EVENT)
		return acknowledgeAndRemember(ctx, { message: 'Test event received' });
	if (delivery.eventType === undefined) {
		ctx.logger.warn(
			'Truto CRM Trigger received an event without "event" or "event_type"; it is emitted as it is',
		);
	}
	const ignored = whyIgnored(delivery, await filterFor(ctx));
	if (ignored) return acknowledgeAndRemember(ctx, { message: `Event ignored: ${ignored}` });
	const replay = replayReason(delivery, replayWindowMs(ctx), Date.now());
	if (replay) {
		ctx.logger.warn(`Truto CRM Trigger ignored event ${delivery.id ?? ''}: ${replay}`);
		return acknowledgeAndRemember(ctx, { message: `Event ignored: ${replay}` });
	}

	const key = delivery.id
		? compactKey(delivery.id)
		: contentKey(body.text || signedBytes.toString());
	return await startOnce(ctx, key, async () => await eventItem(ctx, delivery));
}

/** Handles one request from Truto; bad input is answered with a 4xx, never thrown. */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	return await answerSafely(this, 'Truto CRM Trigger', async () => await receive(this));
}
