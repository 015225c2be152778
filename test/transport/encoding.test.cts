import { apiPath, encodeQuery } from '../../nodes/shared/core';
import { useSandbox } from '../helpers/use-sandbox.cjs';
import { probe } from '../helpers/probe.cjs';

describe('query encoding', () => {
	test('filter, sort and pass_through go out deepObject style, values encoded', () => {
		expect(
			encodeQuery({
				filter: { email: 'a+b@c.d', name: 'Ann & Co' },
				sort: { by: 'created_at', direction: 'desc' },
				pass_through: { search: 'x[1]' },
				fields: ['id', 'name'],
				limit: 20,
			}),
		).toBe(
			'filter[email]=a%2Bb%40c.d&filter[name]=Ann%20%26%20Co&sort[by]=created_at&sort[direction]=desc' +
				'&pass_through[search]=x%5B1%5D&fields=id%2Cname&limit=20',
		);
	});

	test('empty values are never sent', () => {
		expect(
			encodeQuery({
				cursor: undefined,
				filter: { email: '', name: null },
				sort: {},
				fields: [],
				raw: false,
				x: '',
			}),
		).toBe('raw=false');
	});
});

describe('path encoding', () => {
	test('IDs cannot change the path', () => {
		expect(apiPath('/crm/leads/{id}', { id: '../users' })).toBe('/crm/leads/..%2Fusers');
		expect(apiPath('/crm/leads/{id}', { id: 'a?b#c' })).toBe('/crm/leads/a%3Fb%23c');
		expect(apiPath('/crm/custom-objects/{object_id}/{id}', { object_id: 'o/1', id: '2' })).toBe(
			'/crm/custom-objects/o%2F1/2',
		);
	});

	test('a missing path value is an error, not an empty segment', () => {
		expect(() => apiPath('/crm/leads/{id}', { id: '' })).toThrow('"id" is empty');
	});

	// URL parsers drop a "." segment and fold ".." with the segment before it: /crm/leads/.
	// would read the list, /crm/leads/.. another endpoint.
	test.each(['.', '..'])('an ID of %p is refused, not sent', (id) => {
		expect(() => apiPath('/crm/leads/{id}', { id })).toThrow('"id"');
	});

	test('other IDs with dots are sent, encoded dots too', () => {
		expect(apiPath('/crm/leads/{id}', { id: '...' })).toBe('/crm/leads/...');
		expect(apiPath('/crm/leads/{id}', { id: 'a.b' })).toBe('/crm/leads/a.b');
		expect(apiPath('/crm/leads/{id}', { id: '%2e%2e' })).toBe('/crm/leads/%252e%252e');
	});
});

describe('encoding as the sandbox receives it', () => {
	const sandbox = useSandbox({ reset: 'requests' });

	test('deepObject filter and sort arrive parsed as Apideck reads them', async () => {
		sandbox.store.insert('leads', {
			id: 'l1',
			name: 'Ann',
			emails: [{ email: 'ann@example.com' }],
		});
		sandbox.store.insert('leads', {
			id: 'l2',
			name: 'Bob',
			emails: [{ email: 'bob@example.com' }],
		});
		const { items, error } = await probe(sandbox, {
			mode: 'list',
			path: '/crm/leads',
			returnAll: true,
			query: {
				filter: { email: 'bob@example.com' },
				sort: { by: 'created_at', direction: 'desc' },
			},
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual(['l2']);
		const [request] = sandbox.requests;
		expect(request.rawQuery).toBe(
			'filter[email]=bob%40example.com&sort[by]=created_at&sort[direction]=desc&limit=200',
		);
		expect(request.query).toMatchObject({
			filter: { email: 'bob@example.com' },
			sort: { by: 'created_at' },
		});
	});

	test('an ID with path characters reaches the record endpoint, not another one', async () => {
		const { error } = await probe(sandbox, {
			path: apiPath('/crm/leads/{id}', { id: '../users' }),
		});
		expect(sandbox.requests[0].path).toBe('/crm/leads/..%2Fusers');
		expect(error?.message).toBe('The record was not found: No lead with ID ../users (item 0)');
	});
});
