import { compactKey, contentKey } from '../shared/trigger';
import type { CrmEvent } from './payload';
import { canonicalJson } from './signature';

/**
 * The key an event is remembered by: its event_id, or else a hash of the content Apideck signed.
 * The x-apideck-idempotency-key header is not used: it is not signed, so a replayed delivery
 * could carry any value there. execution_attempt is left out because it changes on every retry.
 */
export function eventKey(event: CrmEvent, rawBody: string): string {
	if (event.event_id) return compactKey(event.event_id);
	const content: Partial<CrmEvent> = { ...event };
	delete content.execution_attempt;
	let signed: string;
	try {
		signed = canonicalJson(content);
	} catch {
		signed = rawBody; // Nested too deeply to walk: the exact text is the next best thing.
	}
	return contentKey(signed);
}
