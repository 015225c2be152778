/**
 * Truto does not document the payload of record events, so the trigger reads what it needs
 * from several places and keeps everything else as delivered (docs/trigger-truto.md).
 */
import type { IDataObject } from 'n8n-workflow';

import { hasOnlyId, readDelivery } from '../../nodes/TrutoCrmTrigger/payload';

const ACCOUNT = 'c0ffee00-0000-4000-8000-000000000001';
const envelope = (payload: unknown, extra: Record<string, unknown> = {}): IDataObject => ({
	id: 'evt-1',
	event: 'record:created',
	payload: payload as IDataObject,
	environment_id: 'env-1',
	webhook_id: 'wh-1',
	created_at: '2026-03-04T05:06:07.000Z',
	...(extra as IDataObject),
});

it('reads the shape the reference assumes', () => {
	const delivery = readDelivery(
		envelope({
			integrated_account_id: ACCOUNT,
			integration: 'hubspot',
			unified_model: 'crm',
			resource: 'leads',
			record: { id: '42', first_name: 'Ada' },
		}),
	);
	expect(delivery).toMatchObject({
		id: 'evt-1',
		eventType: 'record:created',
		createdAt: Date.parse('2026-03-04T05:06:07.000Z'),
		integratedAccountId: ACCOUNT,
		unifiedModel: 'crm',
		resource: 'leads',
		resourcePath: 'leads',
		record: { id: '42', first_name: 'Ada' },
		recordId: '42',
	});
	expect(hasOnlyId(delivery)).toBe(false);
});

it.each([
	[
		'event_type instead of event',
		{ event: undefined, event_type: 'record:updated' },
		'record:updated',
	],
	['both: event wins', { event: 'record:deleted', event_type: 'record:updated' }, 'record:deleted'],
	['neither', { event: undefined }, undefined],
	['a number', { event: 7 }, '7'],
	['an object', { event: { type: 'record:created' } }, undefined],
])('reads the event type from %s', (_label, extra, expected) => {
	expect(readDelivery(envelope({}, extra)).eventType).toBe(expected);
});

it.each([
	['payload.integrated_account_id', { integrated_account_id: ` ${ACCOUNT} ` }, {}],
	['payload.integrated_account.id', { integrated_account: { id: ACCOUNT } }, {}],
	['the envelope', {}, { integrated_account_id: ACCOUNT }],
	[
		'the account itself, for integrated_account events',
		{ id: ACCOUNT, status: 'active' },
		{ event: 'integrated_account:active' },
	],
])('finds the integrated account in %s', (_label, payload, extra) => {
	expect(readDelivery(envelope(payload, extra)).integratedAccountId).toBe(ACCOUNT);
});

it('does not take a record event payload’s own id for the integrated account', () => {
	expect(readDelivery(envelope({ id: 'rec-1' })).integratedAccountId).toBeUndefined();
});

it.each([
	['contacts', 'contacts'],
	['contact', 'contacts'],
	['Contacts', 'contacts'],
	['engagement_types', 'engagement_types'],
	['engagementType', 'engagement_types'],
	['engagement-type', 'engagement_types'],
	['opportunity', 'opportunities'],
	['crm/field_groups', 'field_groups'],
	['/unified/crm/leads', 'leads'],
	['invoices', undefined],
	['', undefined],
	['__proto__', undefined],
	['constructor', undefined],
])('maps the resource %p to %p', (resource, expected) => {
	expect(readDelivery(envelope({ resource })).resourcePath).toBe(expected);
});

describe('records that carry only an ID', () => {
	it.each([
		['{ id }', { record: { id: '9' } }],
		['a record_id', { record_id: '9' }],
		['a plain record ID', { record: '9' }],
		['a numeric record ID', { record: 9 }],
	])('%s', (_label, payload) => {
		const delivery = readDelivery(envelope(payload));
		expect(delivery.recordId).toBe('9');
		expect(hasOnlyId(delivery)).toBe(true);
	});

	it('no record at all is not one', () => {
		const delivery = readDelivery(envelope({ resource: 'leads' }));
		expect(delivery.recordId).toBeUndefined();
		expect(hasOnlyId(delivery)).toBe(false);
	});
});

it.each([
	['an ISO date', '2026-03-04T05:06:07Z', Date.parse('2026-03-04T05:06:07Z')],
	['epoch seconds', 1_772_600_767, 1_772_600_767_000],
	['epoch milliseconds', 1_772_600_767_000, 1_772_600_767_000],
	['garbage', 'yesterday-ish', undefined],
	['nothing', undefined, undefined],
	['an object', { at: 1 }, undefined],
])('reads created_at given as %s', (_label, createdAt, expected) => {
	expect(readDelivery(envelope({}, { created_at: createdAt })).createdAt).toBe(expected);
});

it('keeps the envelope as delivered and never throws on odd values', () => {
	const odd: IDataObject = {
		id: { nested: true },
		event: null,
		payload: [1, 2],
		created_at: 'x'.repeat(5000),
		extra: '\u0000\ud800',
	};
	const delivery = readDelivery(odd);
	expect(delivery.envelope).toBe(odd);
	expect(delivery).toMatchObject({ id: undefined, eventType: undefined, payload: undefined });
});
