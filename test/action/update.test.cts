/**
 * Update sends bodies Apideck's spec accepts, through n8n's engine against the sandbox (which
 * refuses a PATCH without the spec's required fields) and the independent spec check: a field
 * the spec requires on every update that the user did not set keeps its current value.
 */
import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/engine.cjs';
import { sandboxCredentials } from '../helpers/sandbox-credentials.cjs';
import { useSpecBodies } from '../helpers/spec-bodies.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';

const sandbox = useSandbox();
const specBodies = useSpecBodies();

async function update(resource: string, parameters: INodeParameters) {
	const result = await runNode({
		type: 'apideckCrm',
		parameters: { resource, operation: 'update', ...parameters },
		credentials: sandboxCredentials(sandbox),
	});
	specBodies.expectValid(sandbox.requests);
	const sent = sandbox.requests.map((r) => ({ method: r.method, path: r.path, body: r.body }));
	return { ...result, json: result.items.map((item) => item.json), sent };
}

test('a lead updated with only a status keeps its name, read just before', async () => {
	sandbox.store.insert('leads', { id: 'l1', name: 'Ada Lovelace', status: 'new' });
	const { json, sent, error } = await update('lead', {
		id: 'l1',
		updateFields: { status: 'qualified' },
	});
	expect(error).toBeUndefined();
	expect(sent).toEqual([
		{ method: 'GET', path: '/crm/leads/l1', body: undefined },
		{
			method: 'PATCH',
			path: '/crm/leads/l1',
			body: { status: 'qualified', name: 'Ada Lovelace' },
		},
		{ method: 'GET', path: '/crm/leads/l1', body: undefined },
	]);
	expect(json[0]).toMatchObject({ id: 'l1', name: 'Ada Lovelace', status: 'qualified' });
});

test('a required field the user sets is sent as set, with no read before', async () => {
	sandbox.store.insert('opportunities', { id: 'o1', title: 'Old title' });
	const { sent } = await update('opportunity', {
		id: 'o1',
		updateFields: { title: 'New title', win_probability: 60 },
	});
	expect(sent.map((r) => r.method)).toEqual(['PATCH', 'GET']);
	expect(sent[0].body).toEqual({ title: 'New title', win_probability: 60 });
});

test("a user's emails are sent back as they are, without what cannot be written", async () => {
	sandbox.store.insert('users', {
		id: 'u1',
		name: 'Linus',
		emails: [
			{ id: 'e1', email: 'linus@example.com', type: 'work', verified: true },
			{ id: 'e2', email: null, type: 'personal' },
		],
	});
	const { sent, error } = await update('user', { id: 'u1', updateFields: { title: 'CTO' } });
	expect(error).toBeUndefined();
	expect(sent[1].body).toEqual({
		title: 'CTO',
		emails: [{ id: 'e1', email: 'linus@example.com', type: 'work' }],
	});
	expect(sandbox.store.get('users', 'u1')?.title).toBe('CTO');
});

test('a record with no value to keep stops the item before any write, naming field and item', async () => {
	sandbox.store.insert('leads', { id: 'l2', name: null, status: 'new' });
	const { error, sent } = await update('lead', { id: 'l2', updateFields: { status: 'lost' } });
	expect(error?.message).toBe(
		'"Name" must be sent with every update of a lead, and this lead has none to keep (item 0)',
	);
	expect(error?.description).toContain('Give it a value in this node.');
	expect(sent.map((r) => r.method)).toEqual(['GET']);
});
