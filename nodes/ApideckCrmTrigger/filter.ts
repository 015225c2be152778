import { isSelected } from './events';
import type { CrmEvent } from './payload';

export interface DeliveryFilter {
	events: readonly string[];
	/** Only events of this consumer; undefined accepts every consumer. */
	consumerId?: string;
	/** Only events of this connector; undefined accepts every connector. */
	serviceId?: string;
}

/**
 * Consumer IDs typed into a credential or a node often carry a stray space; Apideck's IDs never
 * start or end with one, so IDs are compared without them. A missing ID counts as empty.
 */
export function sameConsumer(a: string | undefined, b: string | undefined): boolean {
	return (a ?? '').trim() === (b ?? '').trim();
}

/** Why the event does not start the workflow, or undefined when it should. */
export function whyIgnored(event: CrmEvent, filter: DeliveryFilter): string | undefined {
	if (!isSelected(event.event_type, filter.events)) {
		return `event type ${event.event_type} is not selected`;
	}
	if (filter.consumerId !== undefined && !sameConsumer(event.consumer_id, filter.consumerId)) {
		return 'the event belongs to another consumer';
	}
	if (filter.serviceId !== undefined && event.service_id !== filter.serviceId) {
		return 'the event comes from another connector (service ID)';
	}
	return undefined;
}
