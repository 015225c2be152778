/**
 * Create or Update on the Truto node: contacts and leads matched by email, accounts by name,
 * one record per key even when items share it, and no guessing.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/engine.cjs';
import { trutoCredentials } from '../helpers/sandbox-credentials.cjs';
import { useTruto } from '../helpers/use-sandbox.cjs';

const sandbox = useTruto({ reset: 'records' });
beforeEach(() => sandbox.faults.clear());

function upsert(parameters: INodeParameters, input?: INodeExecutionData[]) {
	return runNode({
		type: 'trutoCrm',
		parameters: { operation: 'upsert', ...parameters },
		input,
		credentials: trutoCredentials(sandbox),
	});
}

const writes = () => sandbox.requests.filter((r) => r.method !== 'GET');

it('updates the one contact that has the email (case ignored)', async () => {
	const id = sandbox.store.insert('contacts', {
		first_name: 'Jane',
		email_addresses: [{ email: 'jane@acme.test', type: 'work' }],
	}).id;
	const { items, error } = await upsert({
		resource: 'contact',
		email: 'JANE@acme.test',
		additionalFields: { title: 'CEO' },
	});
	expect(error).toBeUndefined();
	expect(sandbox.requests[0].query).toMatchObject({ email_addresses: 'JANE@acme.test' });
	expect(writes().map((r) => [r.method, r.path, r.body])).toEqual([
		['PATCH', `/unified/crm/contacts/${id}`, { title: 'CEO' }],
	]);
	expect(items[0].json).toMatchObject({ id, title: 'CEO', _upsert: 'updated' });
});

it('creates a lead with the email as its primary address when none has it', async () => {
	const { items } = await upsert({
		resource: 'lead',
		email: 'new@example.com',
		additionalFields: {
			first_name: 'New',
			email_addresses: { values: [{ email: 'other@example.com', type: 'work' }] },
		},
	});
	expect(writes().map((r) => [r.method, r.path, r.body])).toEqual([
		[
			'POST',
			'/unified/crm/leads',
			{
				first_name: 'New',
				email_addresses: [
					{ email: 'new@example.com', type: 'primary' },
					{ email: 'other@example.com', type: 'work' },
				],
			},
		],
	]);
	expect(items[0].json).toMatchObject({ first_name: 'New', _upsert: 'created' });
});

it('matches accounts by their name among the fields', async () => {
	const id = sandbox.store.insert('accounts', { name: 'Acme Corp' }).id;
	const { items } = await upsert({
		resource: 'account',
		additionalFields: { name: 'acme corp', industry: 'Energy' },
	});
	expect(sandbox.requests[0].query).toMatchObject({ name: 'acme corp' });
	expect(items[0].json).toMatchObject({ id, industry: 'Energy', _upsert: 'updated' });
	const { error } = await upsert({ resource: 'account', additionalFields: { industry: 'X' } });
	expect(error?.message).toBe('"Name" is empty (item 0)');
	expect(error?.description).toBe(
		'Create or Update finds the account by its name: set Name among the fields.',
	);
});

it('an empty email is refused before any request, saying how to give one', async () => {
	const { error } = await upsert({ resource: 'lead', email: ' ', additionalFields: {} });
	expect(error?.message).toBe('"Email" is empty (item 0)');
	expect(error?.description).toBe(
		'Create or Update finds the lead by its email; give one or map it from an earlier node.',
	);
	expect(sandbox.requests).toEqual([]);
});

it('items sharing an email run one after another: one contact, then updates', async () => {
	const input = [
		'same@example.com',
		'same@example.com',
		'SAME@example.com',
		'other@example.com',
	].map((email, n) => ({ json: { email, n } }));
	const { items, error } = await upsert(
		{
			resource: 'contact',
			email: '={{ $json.email }}',
			additionalFields: { last_name: '={{ "Run " + $json.n }}' },
		},
		input,
	);
	expect(error).toBeUndefined();
	expect(items.map((i) => i.json._upsert)).toEqual(['created', 'updated', 'updated', 'created']);
	const same = sandbox.store
		.list('contacts')
		.filter((c) => JSON.stringify(c.email_addresses).includes('same@'));
	expect(same).toHaveLength(1);
	expect(same[0].last_name).toBe('Run 2');
	expect(sandbox.store.count('contacts')).toBe(2);
});

it('a CRM whose search does not show the new contact yet still gets no second contact', async () => {
	// Both lookups find nothing, as with a CRM that indexes new records after a while.
	sandbox.faults.error({
		status: 200,
		method: 'GET',
		times: 2,
		fields: { result: [], next_cursor: null },
	});
	const input = ['Late', 'Late again'].map((last_name) => ({ json: { last_name } }));
	const { items, error } = await upsert(
		{
			resource: 'contact',
			email: 'late@example.com',
			additionalFields: { last_name: '={{ $json.last_name }}' },
		},
		input,
	);
	expect(error).toBeUndefined();
	expect(items.map((i) => i.json._upsert)).toEqual(['created', 'updated']);
	expect(sandbox.store.count('contacts')).toBe(1);
	expect(sandbox.store.list('contacts')[0].last_name).toBe('Late again');
});

it('refuses to guess when several contacts have the email', async () => {
	for (const n of [1, 2])
		sandbox.store.insert('contacts', {
			first_name: `Twin ${n}`,
			email_addresses: [{ email: 'twin@example.com', type: 'work' }],
		});
	const { error } = await upsert({ resource: 'contact', email: 'twin@example.com' });
	expect(error?.message).toBe('2 contacts have the email "twin@example.com" (item 0)');
	expect(writes()).toHaveLength(0);
});

it('fails clearly, writing nothing, when the CRM does not apply the email filter', async () => {
	// The answer of a CRM that ignores email_addresses: other contacts, and more pages.
	sandbox.faults.error({
		status: 200,
		method: 'GET',
		fields: {
			result: [{ id: '9', email_addresses: [{ email: 'someone@else.test', type: 'work' }] }],
			next_cursor: 'more',
		},
	});
	const { error } = await upsert({ resource: 'contact', email: 'me@example.com' });
	expect(error?.message).toBe(
		'Could not tell whether a contact has the email "me@example.com" (item 0)',
	);
	expect(error?.description).toMatch(/does not seem to apply that filter\. Nothing was written/);
	expect(writes()).toHaveLength(0);
});
