import { isRecordEvent } from './events';
import type { TrutoDelivery } from './payload';

export interface DeliveryFilter {
	events: readonly string[];
	/** Only events of this integrated account; undefined accepts every account, '' none. */
	integratedAccountId?: string;
	/** Only record events about these resources (path names); empty accepts every resource. */
	resources: readonly string[];
}

const minutes = (ms: number) => `${Math.round(ms / 60_000)} minute${ms === 60_000 ? '' : 's'}`;

/** Why the event does not start the workflow, or undefined when it should. */
export function whyIgnored(delivery: TrutoDelivery, filter: DeliveryFilter): string | undefined {
	const { eventType } = delivery;
	if (eventType !== undefined && !filter.events.includes(eventType)) {
		return `event type ${eventType} is not selected`;
	}
	if (delivery.unifiedModel !== undefined && delivery.unifiedModel.toLowerCase() !== 'crm') {
		return `the event is about Truto's ${delivery.unifiedModel} API, not CRM`;
	}
	if (filter.integratedAccountId !== undefined) {
		if (filter.integratedAccountId === '') {
			return 'no integrated account is set to take events of (set the credential’s Default Integrated Account ID, or choose another Integrated Account option)';
		}
		if (delivery.integratedAccountId === undefined) {
			return 'the event names no integrated account, so it cannot be told apart from other customers’ events (choose Any Integrated Account to receive such events)';
		}
		if (delivery.integratedAccountId !== filter.integratedAccountId) {
			return 'the event belongs to another integrated account';
		}
	}
	if (filter.resources.length && isRecordEvent(eventType)) {
		if (delivery.resourcePath === undefined) {
			return `the event names no CRM resource this trigger knows (${delivery.resource ?? 'none'})`;
		}
		if (!filter.resources.includes(delivery.resourcePath)) {
			return `the event is about ${delivery.resourcePath}, which is not selected`;
		}
	}
	return undefined;
}

/**
 * Why the event is taken for a replay of an old delivery: it was created longer than `windowMs`
 * ago (0 turns the check off). An event without a readable created_at is not judged.
 */
export function replayReason(
	delivery: TrutoDelivery,
	windowMs: number,
	now: number,
): string | undefined {
	if (windowMs <= 0 || delivery.createdAt === undefined) return undefined;
	if (now - delivery.createdAt <= windowMs) return undefined;
	return `the event was created at ${new Date(delivery.createdAt).toISOString()}, more than ${minutes(windowMs)} ago, and is taken for a replay`;
}
