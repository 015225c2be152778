export { readBody, refuseBody } from './body';
export { acknowledgeAndRemember, compactKey, contentKey, startOnce } from './dedupe';
export { readBudget, readHints, readRecord } from './fullRecord';
export type { FullRecord, ReadBudget } from './fullRecord';
export {
	deleted,
	forget,
	hookTarget,
	remember,
	removeAll,
	requireEvents,
	sameEvents,
	storedId,
	storedIsCurrent,
	unlessGone,
} from './lifecycle';
export type { SubscriptionApi, Target } from './lifecycle';
export { eventsProperty, fetchFullRecordProperty, triggerOptions } from './properties';
export { acknowledge, answerSafely, deliveryWebhook, header, refuse } from './respond';
export { decodeDigest, isHmacOf } from './signature';
