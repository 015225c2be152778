import { isSelected } from './events';
import type { CrmEvent } from './payload';

export interface DeliveryFilter {
	events: readonly string[];
	/** Only events of this consumer; undefined accepts every consumer. */
	consumerId?: string;
	/** Only events of this connector; undefined accepts every connector. */
	serviceId?: string;
}

/** Why the event does not start the workflow, or undefined when it should. */
export function whyIgnored(event: CrmEvent, filter: DeliveryFilter): string | undefined {
	if (!isSelected(event.event_type, filter.events)) {
		return `event type ${event.event_type} is not selected`;
	}
	if (filter.consumerId !== undefined && event.consumer_id !== filter.consumerId) {
		return 'the event belongs to another consumer';
	}
	if (filter.serviceId !== undefined && event.service_id !== filter.serviceId) {
		return 'the event comes from another connector (service ID)';
	}
	return undefined;
}
