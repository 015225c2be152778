import { useTrutoSandbox, type Json } from './test-support.cjs';

const { restart, unified } = useTrutoSandbox({ seed: true });

describe('write validation', () => {
	const post = (account: string, resource: string, body: unknown) =>
		unified(account, resource, { method: 'POST', body });

	it('names each field that misses, has the wrong type or is unknown', async () => {
		const res = await post('hubspot', 'leads', {
			email_addresses: [{ email: 'x@y.test' }],
			number_of_employees: '12',
			phone_numbers: 'call me',
			owner: { id: 5 },
			favourite_colour: 'blue',
		});
		expect(res.status).toBe(400);
		expect(res.json.details.failures.map((f: Json) => f.field)).toEqual([
			'email_addresses[0].type',
			'number_of_employees',
			'phone_numbers',
			'owner.id',
			'favourite_colour',
		]);
		expect(res.json.message).toContain('email_addresses[0].type is required');
		expect(res.json.message).toContain('number_of_employees must be an integer');
		expect(res.json.truto_error_insight).toEqual({
			missing_required_body_fields: {
				description: expect.any(String),
				value: ['email_addresses[0].type'],
			},
		});
	});

	it('applies either-or requirements, needs an object body and checks dates', async () => {
		const account = await post('hubspot', 'accounts', { industry: 'X' });
		expect(account.json.message).toBe('one of name or website is required');
		expect((await post('hubspot', 'accounts', { website: 'https://w.test' })).status).toBe(201);
		expect((await post('hubspot', 'notes', {})).json.message).toMatch(/title or content/);
		expect((await post('hubspot', 'notes', [1])).json.message).toMatch(/JSON object/);
		expect((await post('hubspot', 'notes', 'plain text')).status).toBe(400);
		const date = await post('hubspot', 'tasks', { due_date: 'next week' });
		expect(date.json.message).toBe('due_date must be an ISO 8601 date-time');
	});

	it('can ignore unknown fields instead', async () => {
		await restart({ seed: true, unknownFields: 'ignore' });
		const res = await post('hubspot', 'contacts', { first_name: 'A', nickname: 'B' });
		expect(res.status).toBe(201);
		expect((await unified('hubspot', 'contacts', { query: 'colour=red' })).status).toBe(200);
	});

	it('answers the CRM’s own rules as remote 422s', async () => {
		const sf = await post('salesforce', 'contacts', { first_name: 'No last name' });
		expect(sf.status).toBe(422);
		expect(sf.json).toMatchObject({
			truto_is_remote_error: true,
			message: expect.stringContaining('last_name'),
			raw_response: [expect.objectContaining({ errorCode: 'REQUIRED_FIELD_MISSING' })],
		});
		expect((await post('hubspot', 'contacts', { first_name: 'Fine' })).status).toBe(201);
		const pd = await post('pipedrive', 'accounts', { website: 'https://x.test' });
		expect([pd.status, pd.json.raw_response.success]).toEqual([422, false]);

		const custom = await post('hubspot', 'contacts', {
			first_name: 'C',
			custom_fields: { Lead_Score__c: 1 },
		});
		expect(custom.status).toBe(422);
		expect(custom.json.message).toContain('Lead_Score__c');
		const ok = await post('salesforce', 'leads', {
			last_name: 'L',
			custom_fields: { Lead_Score__c: 7 },
		});
		expect(ok.json.custom_fields).toEqual({ Lead_Score__c: 7 });
	});

	it('accepts a custom field once the fields resource has it', async () => {
		const body = { first_name: 'C', custom_fields: { Shoe_Size__c: 44 } };
		expect((await post('hubspot', 'contacts', body)).status).toBe(422);
		await post('hubspot', 'fields', { name: 'Shoe_Size__c', entity: 'contact', type: 'number' });
		expect((await post('hubspot', 'contacts', body)).status).toBe(201);
	});
});
