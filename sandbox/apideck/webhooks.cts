import { randomUUID } from 'node:crypto';
import { postJson, type PostResult } from '../http/http-post.cjs';
import { InFlight } from '../http/in-flight.cjs';
import type { Cursors } from './pagination.cjs';
import { resourceForEntity } from './resources.cjs';
import { signBody } from './signature.cjs';
import type { JsonObject } from './types.cjs';

export interface Webhook {
	id: string;
	unified_api: string;
	status: 'enabled' | 'disabled';
	disabled_reason: 'none' | 'retry_limit' | 'usage_limit' | 'delivery_url_validation_failed';
	delivery_url: string;
	execute_base_url: string;
	events: string[];
	created_at: string;
	updated_at: string;
}

/** What deliver() needs; everything but event_type and entity_id has a default. */
export interface CrmEvent {
	event_type: string;
	entity_id: string;
	consumer_id?: string;
	service_id?: string;
	entity_type?: string;
	entity_url?: string;
	event_id?: string;
	occurred_at?: string;
	execution_attempt?: number;
}

export interface DeliverOptions {
	/** Change the body after signing: true edits payload.entity_id, a function gets the JSON text. */
	tamper?: boolean | ((body: string) => string);
	omitSignature?: boolean;
	/** Sign with another key (true = a fixed wrong key). */
	wrongKey?: boolean | string;
	/** x-apideck-idempotency-key; defaults to the event_id, null leaves the header out. */
	idempotencyKey?: string | null;
	encoding?: 'hex' | 'base64';
	/** Send this text instead of the event JSON (signed unless omitSignature; unparsable text is sent unsigned). */
	rawBody?: string;
	/** Only to this subscription. */
	webhookId?: string;
	headers?: Record<string, string>;
}

export interface DeliveryResult extends PostResult {
	webhookId: string;
	url: string;
	eventType: string;
}

export interface ValidationAttempt {
	webhookId: string;
	url: string;
	ok: boolean;
	status: number;
	error?: string;
	/** 'forced' when forceValidation() decided the outcome without a request. */
	mode: 'real' | 'forced';
}

/** Apideck's validation request: a signed POST that deliberately looks unlike an event. */
export const VALIDATION_EVENT_TYPE = 'apideck.subscription.created';
export const VALIDATION_BODY = { message: 'Validating delivery URL' };

export class Webhooks {
	/** Subscriptions by id (the HTTP API in webhook-api.cts edits them). */
	readonly registry = new Map<string, Webhook>();
	private inflight = new InFlight();
	private validationMode: 'real' | 'pass' | 'fail' = 'real';
	readonly deliveries: DeliveryResult[] = [];
	readonly validations: ValidationAttempt[] = [];
	/** Deliver crm.* events when records change through the HTTP API. */
	autoEmit = false;

	constructor(
		readonly config: {
			apiKey: string;
			url: () => string;
			cursors: Cursors;
			encoding: 'hex' | 'base64';
			validationTimeoutMs: number;
			defaultConnection: () => { consumerId: string; serviceId: string };
		},
	) {}

	subscriptions(): Webhook[] {
		return Array.from(this.registry.values(), (w) => ({ ...w, events: [...w.events] }));
	}

	/** 'fail' / 'pass' decide validations without calling the URL; 'real' (default) calls it. */
	forceValidation(mode: 'real' | 'pass' | 'fail') {
		this.validationMode = mode;
	}

	clear() {
		this.registry.clear();
		this.deliveries.length = 0;
		this.validations.length = 0;
	}

	sign(body: unknown, key = this.config.apiKey, encoding = this.config.encoding): string {
		return signBody(body, key, encoding);
	}

	/** Builds the body and headers of a delivery without sending it. */
	buildDelivery(
		event: CrmEvent,
		options: DeliverOptions = {},
	): { body: string; headers: Record<string, string> } {
		const payload = this.payload(event);
		let body = options.rawBody ?? JSON.stringify({ payload });
		const headers: Record<string, string> = {
			'content-type': 'application/json',
			'x-apideck-event-type': payload.event_type,
		};
		const idempotencyKey =
			options.idempotencyKey === undefined ? payload.event_id : options.idempotencyKey;
		if (idempotencyKey !== null) headers['x-apideck-idempotency-key'] = idempotencyKey;
		if (!options.omitSignature) {
			const key =
				options.wrongKey === true ? 'not-the-api-key' : options.wrongKey || this.config.apiKey;
			try {
				headers['x-apideck-signature'] = this.sign(body, key, options.encoding);
			} catch {
				// rawBody that is not JSON cannot be signed the Apideck way; send it unsigned.
			}
		}
		if (options.tamper) {
			body = typeof options.tamper === 'function' ? options.tamper(body) : tamperEntity(body);
		}
		return { body, headers: { ...headers, ...options.headers } };
	}

	/** POSTs an event to every enabled subscription of its unified API that wants its type (or '*'). */
	async deliver(event: CrmEvent, options: DeliverOptions = {}): Promise<DeliveryResult[]> {
		const { body, headers } = this.buildDelivery(event, options);
		const api = event.event_type.split('.')[0];
		const targets = this.subscriptions().filter(
			(w) =>
				w.status === 'enabled' &&
				w.unified_api === api &&
				(options.webhookId ? w.id === options.webhookId : true) &&
				(w.events.includes('*') || w.events.includes(event.event_type)),
		);
		const results = await Promise.all(
			targets.map(async (w) => {
				const result = await postJson(
					w.delivery_url,
					body,
					headers,
					this.config.validationTimeoutMs,
				);
				return { ...result, webhookId: w.id, url: w.delivery_url, eventType: event.event_type };
			}),
		);
		this.deliveries.push(...results);
		return results;
	}

	/** Fire-and-forget delivery used by autoEmit; settle() waits for these. */
	emit(event: CrmEvent) {
		if (!this.autoEmit) return;
		this.inflight.track(this.deliver(event));
	}

	settle() {
		return this.inflight.settle();
	}

	private payload(event: CrmEvent) {
		const entity = event.event_type.split('.')[1] ?? '';
		const fallback = this.config.defaultConnection();
		const resource = resourceForEntity(entity)?.name ?? `${entity}s`;
		return {
			event_type: event.event_type,
			unified_api: 'crm',
			service_id: event.service_id ?? fallback.serviceId,
			consumer_id: event.consumer_id ?? fallback.consumerId,
			event_id: event.event_id ?? randomUUID(),
			entity_id: event.entity_id,
			entity_url:
				event.entity_url ??
				`${this.config.url()}/crm/${resource}/${encodeURIComponent(event.entity_id)}`,
			entity_type: event.entity_type ?? entity,
			occurred_at: event.occurred_at ?? new Date().toISOString(),
			execution_attempt: event.execution_attempt ?? 1,
		};
	}

	/** Apideck's delivery URL check; true when the URL answered 2xx. */
	async validate(webhook: Webhook): Promise<boolean> {
		const base = { webhookId: webhook.id, url: webhook.delivery_url };
		if (this.validationMode !== 'real') {
			const ok = this.validationMode === 'pass';
			this.validations.push({ ...base, ok, status: ok ? 200 : 0, mode: 'forced' });
			return ok;
		}
		const body = JSON.stringify(VALIDATION_BODY);
		const result = await postJson(
			webhook.delivery_url,
			body,
			{
				'content-type': 'application/json',
				'x-apideck-event-type': VALIDATION_EVENT_TYPE,
				'x-apideck-signature': this.sign(body),
			},
			this.config.validationTimeoutMs,
		);
		const ok = result.status >= 200 && result.status < 300;
		this.validations.push({
			...base,
			ok,
			status: result.status,
			error: result.error,
			mode: 'real',
		});
		return ok;
	}
}

function tamperEntity(body: string): string {
	try {
		const parsed = JSON.parse(body) as { payload?: JsonObject };
		if (parsed.payload) {
			parsed.payload.entity_id = `${String(parsed.payload.entity_id)}-tampered`;
			return JSON.stringify(parsed);
		}
	} catch {
		// not JSON: fall through
	}
	return `${body} `;
}
