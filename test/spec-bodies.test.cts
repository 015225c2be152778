/**
 * The spec check of request bodies (helpers/spec-bodies.cts) can fail: it refuses what Apideck's
 * spec refuses, so the tests that run it prove something.
 */
import { existsSync } from 'node:fs';

import type { RecordedRequest } from '../sandbox/apideck/index.cjs';
import { SPEC_PATH, specBodies } from './helpers/spec-bodies.cjs';

const request = (method: string, path: string, body: unknown): RecordedRequest => ({
	method,
	path,
	body,
	rawQuery: '',
	query: {},
	headers: {},
	at: 0,
});

// Under CI the spec is always there (specBodies throws when it is not); elsewhere it may be absent.
const withSpec = existsSync(SPEC_PATH) || process.env.CI ? describe : describe.skip;

withSpec('request bodies checked against the Apideck spec', () => {
	const check = () => specBodies();

	test('an update of a lead with only a status lacks the name the spec requires', () => {
		expect(
			check().violations([request('PATCH', '/crm/leads/l1', { status: 'qualified' })]),
		).toEqual(["PATCH /crm/leads/{id}: (body) must have required property 'name'"]);
		expect(
			check().violations([request('PATCH', '/crm/leads/l1', { name: 'Ada', status: 'qualified' })]),
		).toEqual([]);
	});

	test('unknown and read-only fields, formats and nested required fields are refused', () => {
		expect(
			check().violations([
				request('POST', '/crm/leads', { name: 'Ada', id: 'l1', nickname: 'A' }),
				request('PATCH', '/crm/users/u1', { emails: [{ email: 'not an email' }] }),
				request('POST', '/crm/opportunities', {
					title: 'Deal',
					close_date: '2024-06-30T10:00:00Z',
				}),
				request('POST', '/crm/companies', { name: 'Acme', websites: [{ type: 'primary' }] }),
			]),
		).toEqual([
			'POST /crm/leads: (body) must NOT have additional properties: nickname; /id is read-only and must not be sent',
			'PATCH /crm/users/{id}: /emails/0/email must match format "email"',
			'POST /crm/opportunities: /close_date must match format "date"',
			"POST /crm/companies: /websites/0 must have required property 'url'",
		]);
	});

	test('reads are not checked, writes to paths the spec lacks are reported', () => {
		const bodies = check();
		expect(
			bodies.violations([
				request('GET', '/crm/leads', undefined),
				request('POST', '/crm/leads/l1/convert', {}),
			]),
		).toEqual(['POST /crm/leads/l1/convert: no such write in the spec']);
		expect(bodies.checked).toBe(0);
	});
});
