import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { apideckSettings } from '../shared/apideck';
import { MAX_BODY_BYTES, readBody } from './body';
import { claimEvent, eventKey, releaseEvent, saveSeenEvents } from './dedupe';
import { parseEventType } from './events';
import type { DeliveryFilter } from './filter';
import { whyIgnored } from './filter';
import type { RecordAccess } from './fullRecord';
import { fetchFullRecord } from './fullRecord';
import type { CrmEvent } from './payload';
import { parseDelivery } from './payload';
import { acknowledge, refuse } from './respond';
import { isValidSignature } from './signature';

const VALIDATION_EVENT_TYPE = 'apideck.subscription.created';

const header = (ctx: IWebhookFunctions, name: string): string | undefined => {
	const value = ctx.getHeaderData()[name];
	return Array.isArray(value) ? value[0] : value;
};

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
	const body = await readBody(ctx);
	if (body.kind === 'tooLarge') {
		return refuse(ctx, 413, {
			message: `The body is larger than ${MAX_BODY_BYTES / 1024} KB, which no Apideck CRM event is`,
		});
	}
	if (body.kind === 'notJson') return refuse(ctx, 400, { message: 'The body is not valid JSON' });
	if (isValidationRequest(ctx, body.value))
		return acknowledge({ message: 'Delivery URL confirmed' });

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
	if (ignored) return acknowledge({ message: `Event ignored: ${ignored}` });

	const scope = `${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}`;
	const staticData = ctx.getWorkflowStaticData('node');
	const key = eventKey(event, body.text);
	if (!claimEvent(staticData, scope, key)) {
		return acknowledge({ message: 'Event already received' });
	}
	let started = false;
	try {
		const json = await eventItem(ctx, event, { signed, ownConsumer });
		saveSeenEvents(staticData, scope);
		started = true;
		return { workflowData: [[{ json }]] };
	} finally {
		// Failed before starting the workflow: Apideck's retry must not look like a duplicate.
		if (!started) releaseEvent(scope, key);
	}
}

/** Handles one request from Apideck; bad input is answered with a 4xx, never thrown. */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	try {
		return await receive(this);
	} catch (error) {
		this.logger.error(
			`Apideck CRM Trigger could not process a delivery: ${(error as Error).message}`,
		);
		return refuse(this, 500, { message: 'The trigger could not process this delivery' });
	}
}
