import type { TrutoSandbox } from './index.cjs';
import { useTrutoSandbox, type Json } from './test-support.cjs';

let sandbox: TrutoSandbox;
const { first, unified } = useTrutoSandbox({ seed: true }, (s) => (sandbox = s));

describe('lists', () => {
	const page = (account: string, resource: string, query: string) =>
		unified(account, resource, { query });

	it('pages with opaque cursors until next_cursor is null, capped by the CRM', async () => {
		sandbox.store.clear('contacts');
		sandbox.store.insertMany(
			'contacts',
			Array.from({ length: 250 }, (_, i) => ({ name: `Contact ${i}` })),
		);
		const seen = new Set<string>();
		let cursor: string | null = null;
		let pages = 0;
		do {
			const res: Awaited<ReturnType<typeof page>> = await page(
				'hubspot',
				'contacts',
				`limit=500${cursor ? `&next_cursor=${encodeURIComponent(cursor)}` : ''}`,
			);
			expect(res.json.result.length).toBeLessThanOrEqual(100); // HubSpot caps pages at 100
			expect(res.json.result_count).toBe(res.json.result.length);
			for (const record of res.json.result) seen.add(record.id);
			cursor = res.json.next_cursor;
			pages++;
		} while (cursor);
		expect([pages, seen.size]).toEqual([3, 250]);

		const firstPage = await page('hubspot', 'contacts', '');
		expect(firstPage.json.result).toHaveLength(20);
		expect(firstPage.json.prev_cursor).toBeNull();
		const second = await page(
			'hubspot',
			'contacts',
			`limit=20&next_cursor=${firstPage.json.next_cursor}`,
		);
		expect(second.json.result[0].name).toBe('Contact 20');
		expect(second.json.prev_cursor).not.toBeNull();
		const ignored = await page('hubspot', 'contacts', 'limit=5&truto_ignore_limit=true');
		expect(ignored.json.result).toHaveLength(100);
	});

	it('rejects bad limits and cursors from elsewhere', async () => {
		for (const limit of ['0', 'abc', '-1', '2.5']) {
			const res = await page('hubspot', 'contacts', `limit=${limit}`);
			expect([limit, res.status, res.json.details.failures[0].field]).toEqual([
				limit,
				400,
				'limit',
			]);
		}
		const cursor = (await page('hubspot', 'contacts', 'limit=1')).json.next_cursor;
		for (const [account, resource, c] of [
			['hubspot', 'contacts', 'garbage'],
			['hubspot', 'leads', cursor], // another list
			['salesforce', 'contacts', cursor], // another integrated account
		]) {
			const res = await page(account, resource, `next_cursor=${c}`);
			expect([res.status, res.json.message]).toEqual([400, expect.stringMatching(/next_cursor/)]);
		}
	});

	it('filters on names, emails, phones, links, custom fields and dates', async () => {
		const names = async (account: string, resource: string, query: string) => {
			const res = await page(account, resource, query);
			expect([query, res.status]).toEqual([query, 200]);
			return res.json.result.map((r: Json) => r.name);
		};
		expect(await names('hubspot', 'contacts', 'name=jane%20doe')).toEqual(['Jane Doe']);
		expect(await names('hubspot', 'contacts', 'first_name=JOHN')).toEqual(['John Smith']);
		expect(await names('hubspot', 'contacts', 'email_addresses=MIA@example.test')).toEqual([
			'Mia Wong',
		]);
		expect(
			await names(
				'hubspot',
				'contacts',
				'email_addresses[]=x@y.z&email_addresses[]=jane@acme.test',
			),
		).toEqual(['Jane Doe']);
		expect(await names('hubspot', 'contacts', 'phone_numbers=15550101')).toEqual(['Jane Doe']);
		const ava = (await first('hubspot', 'users')).id;
		expect(await names('hubspot', 'leads', `owner[id]=${ava}`)).toEqual(['Lena Lead']);
		expect(await names('hubspot', 'leads', 'lead_source=website&country=de')).toEqual([
			'Lena Lead',
		]);
		expect(await names('hubspot', 'leads', 'state=TX')).toEqual(['Omar Prospect']);
		expect(await names('salesforce', 'leads', 'custom_fields[Region__c]=emea')).toEqual([
			'Lena Lead',
		]);
		const pipeline = (await first('hubspot', 'pipelines')).id;
		expect(await names('hubspot', 'stages', `pipeline[id]=${pipeline}&status=won`)).toEqual([
			'Closed Won',
		]);
		expect(await names('hubspot', 'stages', 'position=2')).toEqual(['Proposal']);
		expect(await names('hubspot', 'fields', 'entity=lead')).toEqual(['hs_lead_status']);
		expect(await names('hubspot', 'users', 'email=sam@sandbox.test')).toEqual(['Sam Seller']);

		const [jane, john, mia] = (await page('hubspot', 'contacts', '')).json.result;
		expect(await names('hubspot', 'contacts', `created_at[gt]=${jane.created_at}`)).toEqual([
			john.name,
			mia.name,
		]);
		expect(
			await names(
				'hubspot',
				'contacts',
				`created_at[gte]=${jane.created_at}&created_at[lt]=${mia.created_at}`,
			),
		).toEqual([jane.name, john.name]);
		expect(await names('hubspot', 'contacts', `updated_at[lte]=${jane.updated_at}`)).toEqual([
			jane.name,
		]);
		expect(await names('hubspot', 'contacts', `created_at=${john.created_at}`)).toEqual([
			john.name,
		]);
	});

	it('rejects bad filter values and parameters the method does not have', async () => {
		const failure = async (query: string) => {
			const res = await page('hubspot', 'contacts', query);
			expect([query, res.status]).toEqual([query, 400]);
			return res.json.message as string;
		};
		expect(await failure('created_at[gt]=yesterday')).toMatch(/created_at\[gt\].*ISO 8601/);
		expect(await failure('created_at[after]=2024-01-01')).toMatch(/not an operator/);
		expect(await failure('lead_source=web')).toMatch(/lead_source is not supported/);
		expect(await failure('truto_response_format=xml')).toMatch(/must be one of/);
		expect(await failure('truto_ignore_remote_data=yes')).toMatch(/true or false/);
		expect(await failure('remote_query=plain')).toMatch(/remote_query must be an object/);
	});

	it('offers search_term and sort_by where the CRM has them', async () => {
		const names = async (account: string, query: string) =>
			(await page(account, 'contacts', query)).json.result.map((r: Json) => r.name);
		expect(await names('hubspot', 'search_term=GLOBEX')).toEqual(['John Smith']);
		expect(await names('pipedrive', 'search_term=wong')).toEqual(['Mia Wong']);
		expect(await names('salesforce', 'sort_by[name]=desc')).toEqual([
			'Mia Wong',
			'John Smith',
			'Jane Doe',
		]);
		expect((await page('pipedrive', 'contacts', 'sort_by[name]=asc')).status).toBe(400);
		expect((await page('hubspot', 'contacts', 'sort_by[title]=asc')).json.message).toMatch(
			/sorts only by/,
		);
		expect((await page('hubspot', 'contacts', 'sort_by[name]=up')).status).toBe(400);
		expect((await page('hubspot', 'notes', 'search_term=x')).status).toBe(400); // lists of contacts, leads… only
	});

	it('honours Truto’s own query parameters', async () => {
		const noRemote = await page('hubspot', 'contacts', 'truto_ignore_remote_data=true');
		expect(noRemote.json.result[0]).not.toHaveProperty('remote_data');
		const excluded = await page(
			'hubspot',
			'contacts',
			'truto_exclude_fields[]=email_addresses&truto_exclude_fields[]=owner',
		);
		expect(excluded.json.result[0]).not.toHaveProperty('email_addresses');
		expect(excluded.json.result[0]).not.toHaveProperty('owner');
		const comma = await page('hubspot', 'contacts', 'truto_exclude_fields=title,account');
		expect(Object.keys(comma.json.result[0])).not.toContain('account');
		const raw = await page('salesforce', 'contacts', 'truto_response_format=raw&limit=1');
		expect(raw.json.result[0]).toMatchObject({ attributes: { type: 'Contact' } });
		const keyed = await page('hubspot', 'users', 'truto_key_by=email');
		expect(Object.keys(keyed.json.result)).toEqual(['ava@sandbox.test', 'sam@sandbox.test']);

		sandbox.clearRequests();
		const passed = await page(
			'hubspot',
			'contacts',
			'remote_query[archived]=false&truto_super_query=apac',
		);
		expect(passed.status).toBe(200);
		expect(sandbox.requests[0].query.remote_query).toEqual({ archived: 'false' });
		const single = await unified('hubspot', `contacts/${passed.json.result[0].id}`, {
			query: 'truto_ignore_remote_data=true',
		});
		expect(single.json).not.toHaveProperty('remote_data');
	});
});
