import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { apideckSettings } from '../shared/apideck';
import {
	acknowledgeAndRemember,
	answerSafely,
	header,
	readBody,
	refuse,
	refuseBody,
	startOnce,
} from '../shared/trigger';
import { eventKey } from './dedupe';
import { parseEventType } from './events';
import type { DeliveryFilter } from './filter';
import { whyIgnored } from './filter';
import type { RecordAccess } from './fullRecord';
import { fetchFullRecord } from './fullRecord';
import type { CrmEvent } from './payload';
import { parseDelivery } from './payload';
import { isValidSignature } from './signature';

const VALIDATION_EVENT_TYPE = 'apideck.subscription.created';

/** CRM events are well under a kilobyte; a body anywhere near this size is not one. */
const MAX_BODY_BYTES = 256 * 1024;

// Apideck's URL check on subscription create: a small signed body that is not an event.
function isValidationRequest(ctx: IWebhookFunctions, body: unknown): boolean {
	if (header(ctx, 'x-apideck-event-type') === VALIDATION_EVENT_TYPE) return true;
	if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
	return (
		!('payload' in body) &&
		!('event_type' in body) &&
		typeof (body as IDataObject).message === 'string'
	);
}

function filterFor(ctx: IWebhookFunctions, credentialConsumer: string): DeliveryFilter {
	const consumerFilter = ctx.getNodeParameter('consumerFilter', 'credential') as string;
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const serviceId = String(options.serviceId ?? '').trim();
	return {
		events: ctx.getNodeParameter('events', []) as string[],
		consumerId:
			consumerFilter === 'any'
				? undefined
				: consumerFilter === 'specific'
					? String(ctx.getNodeParameter('consumerId', '')).trim()
					: credentialConsumer,
		serviceId: serviceId || undefined,
	};
}

async function eventItem(
	ctx: IWebhookFunctions,
	event: CrmEvent,
	access: RecordAccess,
): Promise<IDataObject> {
	const item: IDataObject = { ...(event as IDataObject) };
	const parsed = parseEventType(event.event_type);
	const wantsRecord = ctx.getNodeParameter('fetchFullRecord', true) as boolean;
	if (wantsRecord && parsed && parsed.action !== 'deleted') {
		Object.assign(item, await fetchFullRecord(ctx, event, parsed.entity, access));
	}
	return item;
}

async function receive(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const body = await readBody(ctx, MAX_BODY_BYTES);
	if (body.kind !== 'json') return refuseBody(ctx, body, MAX_BODY_BYTES, 'Apideck CRM event');
	if (isValidationRequest(ctx, body.value))
		return acknowledgeAndRemember(ctx, { message: 'Delivery URL confirmed' });

	const settings = await apideckSettings(ctx);
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const signed = options.verifySignature !== false;
	if (signed) {
		if (!isValidSignature(body.value, header(ctx, 'x-apideck-signature'), settings.apiKey)) {
			return refuse(ctx, 401, {
				message: 'The x-apideck-signature header is missing or does not match',
			});
		}
	}

	const delivery = parseDelivery(body.value);
	if (delivery.kind === 'invalid') {
		return refuse(ctx, 400, {
			message: 'The body is not an Apideck CRM event',
			problems: delivery.problems,
		});
	}
	const { event } = delivery;

	const ownConsumer = settings.consumerId.trim();
	const ignored = whyIgnored(event, filterFor(ctx, ownConsumer));
	if (ignored) return acknowledgeAndRemember(ctx, { message: `Event ignored: ${ignored}` });

	return await startOnce(ctx, eventKey(event, body.text), async () =>
		eventItem(ctx, event, { signed, ownConsumer }),
	);
}

/** Handles one request from Apideck; bad input is answered with a 4xx, never thrown. */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	return await answerSafely(this, 'Apideck CRM Trigger', async () => await receive(this));
}
