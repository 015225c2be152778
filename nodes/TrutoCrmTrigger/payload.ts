import type { IDataObject } from 'n8n-workflow';

import { isAccountEvent } from './events';
import { resourcePath } from './resources';

/**
 * What the trigger understood of a delivery. Truto documents the envelope ({ id, event,
 * payload, environment_id, webhook_id, created_at }) but not the payload of record events, so
 * every field below is optional and read from the places listed in docs/trigger-truto.md; the
 * envelope itself is always kept as delivered.
 */
export interface TrutoDelivery {
	envelope: IDataObject;
	/** The event's ID (Truto's, unique per event): the dedupe key. */
	id?: string;
	/** `event`, or `event_type` where Truto calls it that. */
	eventType?: string;
	/** created_at in epoch milliseconds, when it is a date. */
	createdAt?: number;
	payload?: IDataObject;
	integratedAccountId?: string;
	/** The unified API the record belongs to (crm, accounting, …), when the payload says. */
	unifiedModel?: string;
	/** As the payload spells it. */
	resource?: string;
	/** The CRM resource's path name (contacts, engagement_types), when the resource is one. */
	resourcePath?: string;
	/** The record as delivered, when it is an object. */
	record?: IDataObject;
	recordId?: string;
}

const MAX_TEXT = 1000;

const isObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** A short, non-empty string or finite number as text; undefined for anything else. */
function text(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	return trimmed && trimmed.length <= MAX_TEXT ? trimmed : undefined;
}

const first = (...values: unknown[]) => values.map(text).find((value) => value !== undefined);

/** ISO 8601 text, or a number in seconds or milliseconds since 1970. */
function timestamp(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value) && value > 0)
		return value < 1e12 ? value * 1000 : value;
	if (typeof value !== 'string' || value.length > 100) return undefined;
	const parsed = Date.parse(value);
	return Number.isNaN(parsed) ? undefined : parsed;
}

function recordOf(payload: IDataObject | undefined): Pick<TrutoDelivery, 'record' | 'recordId'> {
	const record = payload?.record;
	if (isObject(record)) return { record, recordId: text(record.id) };
	return { recordId: first(payload?.record_id, record) };
}

/** Reads a delivery body that is a JSON object; nothing in it is required. */
export function readDelivery(envelope: IDataObject): TrutoDelivery {
	const payload = isObject(envelope.payload) ? envelope.payload : undefined;
	const eventType = first(envelope.event, envelope.event_type);
	const account = isObject(payload?.integrated_account) ? payload?.integrated_account : undefined;
	const resource = first(payload?.resource, envelope.resource);
	return {
		envelope,
		id: text(envelope.id),
		eventType,
		createdAt: timestamp(envelope.created_at),
		payload,
		integratedAccountId: first(
			payload?.integrated_account_id,
			account?.id,
			envelope.integrated_account_id,
			// integrated_account:* events carry the account itself.
			isAccountEvent(eventType) ? payload?.id : undefined,
		),
		unifiedModel: first(payload?.unified_model, envelope.unified_model),
		resource,
		resourcePath: resourcePath(resource),
		...recordOf(payload),
	};
}

/** True when the payload names a record but carries nothing of it beyond its ID. */
export const hasOnlyId = (delivery: TrutoDelivery): boolean =>
	delivery.recordId !== undefined &&
	(!delivery.record || Object.keys(delivery.record).every((key) => key === 'id'));
