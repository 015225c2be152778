// Truto webhook subscriptions and signed deliveries: { id, event, payload, environment_id,
// webhook_id, created_at } POSTed with X-Truto-Signature, retried and deactivated on failure.
import { randomUUID } from 'node:crypto';
import { postJson, type PostResult } from '../http/http-post.cjs';
import { InFlight } from '../http/in-flight.cjs';
import type { JsonObject } from '../http/types.cjs';
import { trutoSignature } from './signature.cjs';
import type { RecordChange } from './types.cjs';

export interface TrutoWebhook {
	id: string;
	target_url: string;
	is_active: boolean;
	/** Empty = every event type. */
	event_types: string[];
	environment_id: string;
	created_at: string;
	updated_at: string;
}

export interface TrutoEvent {
	/** e.g. record:created, integrated_account:active, test. */
	event: string;
	payload?: unknown;
	/** Default: a fresh UUID (receivers dedupe on it). */
	id?: string;
	/** Default: now (receivers judge replays by it). */
	created_at?: string;
}

export interface DeliverOptions {
	/** Change the body after signing: true edits the payload, a function gets the JSON text. */
	tamper?: boolean | ((body: string) => string);
	omitSignature?: boolean;
	/** Sign with another secret (true = a fixed wrong one). */
	wrongSecret?: boolean | string;
	encoding?: 'hex' | 'base64';
	/** Send this text instead of the envelope (still signed unless omitSignature). */
	rawBody?: string;
	headers?: Record<string, string>;
	/** Name of the event type attribute; default: the sandbox's eventField option. */
	eventField?: 'event' | 'event_type';
	/** Only to this subscription (even if inactive or not subscribed to the event). */
	webhookId?: string;
}

export interface DeliveryResult extends PostResult {
	webhookId: string;
	url: string;
	event: string;
	eventId: string;
	/** 1 + the retries made. */
	attempts: number;
}

/** What record:* events carry: the reference's inferred shape, ids only, or your own. */
export type RecordPayloadShape = 'inferred' | 'idOnly' | ((change: RecordChange) => unknown);

interface Subscription {
	webhook: TrutoWebhook;
	secret: string;
	failuresInARow: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class TrutoWebhooks {
	readonly registry = new Map<string, Subscription>();
	readonly deliveries: DeliveryResult[] = [];
	/** Deliver record:* events when records change through the HTTP API. */
	autoEmit = false;
	recordPayload: RecordPayloadShape;
	eventField: 'event' | 'event_type';
	private inflight = new InFlight();

	constructor(
		readonly config: {
			environmentId: string;
			encoding: 'hex' | 'base64';
			eventField: 'event' | 'event_type';
			recordPayload: RecordPayloadShape;
			timeoutMs: number;
			retries: number;
			retryBackoffMs: number;
			deactivateAfterFailures?: number;
		},
	) {
		this.recordPayload = config.recordPayload;
		this.eventField = config.eventField;
	}

	/** Subscriptions without their secrets, as the API lists them. */
	subscriptions(): TrutoWebhook[] {
		return Array.from(this.registry.values(), (s) => ({
			...s.webhook,
			event_types: [...s.webhook.event_types],
		}));
	}

	/** The signing secret of a subscription (Truto shows it only once, on create). */
	secretOf(webhookId: string): string | undefined {
		return this.registry.get(webhookId)?.secret;
	}

	add(input: Pick<TrutoWebhook, 'target_url' | 'event_types' | 'is_active'>): {
		webhook: TrutoWebhook;
		secret: string;
	} {
		const now = new Date().toISOString();
		const webhook: TrutoWebhook = {
			id: randomUUID(),
			...input,
			environment_id: this.config.environmentId,
			created_at: now,
			updated_at: now,
		};
		const secret = randomUUID();
		this.registry.set(webhook.id, { webhook, secret, failuresInARow: 0 });
		return { webhook: { ...webhook }, secret };
	}

	clear() {
		this.registry.clear();
		this.deliveries.length = 0;
	}

	sign(rawBody: string, secret: string, encoding = this.config.encoding): string {
		return trutoSignature(rawBody, secret, encoding);
	}

	/** The body and headers one subscription would receive, without sending anything. */
	buildDelivery(
		event: TrutoEvent,
		options: DeliverOptions & { secret?: string } = {},
	): { body: string; headers: Record<string, string>; eventId: string } {
		const subscription = options.webhookId
			? this.registry.get(options.webhookId)
			: this.registry.values().next().value;
		const secret = options.secret ?? subscription?.secret;
		if (secret === undefined)
			throw new Error('buildDelivery needs a subscription (webhookId) or a secret');
		const eventId = event.id ?? randomUUID();
		const envelope = {
			id: eventId,
			[options.eventField ?? this.eventField]: event.event,
			payload: event.payload ?? {},
			environment_id: this.config.environmentId,
			webhook_id: subscription?.webhook.id ?? options.webhookId ?? '',
			created_at: event.created_at ?? new Date().toISOString(),
		};
		let body = options.rawBody ?? JSON.stringify(envelope);
		const headers: Record<string, string> = {
			'content-type': 'application/json',
			'user-agent': 'truto',
		};
		if (!options.omitSignature) {
			const key = options.wrongSecret === true ? 'not-the-secret' : options.wrongSecret || secret;
			headers['x-truto-signature'] = this.sign(body, key, options.encoding);
		}
		if (options.tamper)
			body = typeof options.tamper === 'function' ? options.tamper(body) : tamper(body);
		return { body, headers: { ...headers, ...options.headers }, eventId };
	}

	/** POSTs an event to every active subscription that wants it (or only to options.webhookId). */
	async deliver(event: TrutoEvent, options: DeliverOptions = {}): Promise<DeliveryResult[]> {
		const shared = { ...event, id: event.id ?? randomUUID() };
		const targets = Array.from(this.registry.values()).filter((s) =>
			options.webhookId
				? s.webhook.id === options.webhookId
				: s.webhook.is_active &&
					(!s.webhook.event_types.length || s.webhook.event_types.includes(event.event)),
		);
		const results = await Promise.all(
			targets.map((s) => this.send(s, shared, { ...options, webhookId: s.webhook.id })),
		);
		this.deliveries.push(...results);
		return results;
	}

	private async send(
		subscription: Subscription,
		event: TrutoEvent,
		options: DeliverOptions,
	): Promise<DeliveryResult> {
		const { body, headers, eventId } = this.buildDelivery(event, options);
		const url = subscription.webhook.target_url;
		let attempts = 0;
		let result: PostResult;
		for (;;) {
			attempts++;
			result = await postJson(url, body, headers, this.config.timeoutMs);
			const ok = result.status >= 200 && result.status < 300;
			if (ok || attempts > this.config.retries) break;
			await sleep(Math.min(10_000, this.config.retryBackoffMs * 2 ** (attempts - 1)));
		}
		this.count(subscription, result.status >= 200 && result.status < 300);
		return {
			...result,
			webhookId: subscription.webhook.id,
			url,
			event: event.event,
			eventId,
			attempts,
		};
	}

	private count(subscription: Subscription, ok: boolean) {
		subscription.failuresInARow = ok ? 0 : subscription.failuresInARow + 1;
		const limit = this.config.deactivateAfterFailures;
		if (limit && subscription.failuresInARow >= limit) {
			subscription.webhook.is_active = false;
			subscription.webhook.updated_at = new Date().toISOString();
		}
	}

	/** Fire-and-forget record:* delivery used by autoEmit; settle() waits for these. */
	emit(change: RecordChange) {
		if (!this.autoEmit) return;
		this.inflight.track(
			this.deliver({ event: `record:${change.action}`, payload: this.payloadOf(change) }),
		);
	}

	payloadOf(change: RecordChange): unknown {
		if (typeof this.recordPayload === 'function') return this.recordPayload(change);
		return {
			integrated_account_id: change.ctx.accountId,
			integration: change.ctx.integration,
			unified_model: 'crm',
			resource: change.resource,
			record: this.recordPayload === 'idOnly' ? { id: change.record.id } : change.record,
		};
	}

	settle() {
		return this.inflight.settle();
	}
}

function tamper(body: string): string {
	try {
		const parsed = JSON.parse(body) as { payload?: JsonObject };
		if (parsed.payload && typeof parsed.payload === 'object') {
			parsed.payload = { ...parsed.payload, tampered: true };
			return JSON.stringify(parsed);
		}
	} catch {
		// not JSON: fall through
	}
	return `${body} `;
}
