/**
 * Delete when an answer gets lost, through n8n's engine against the sandbox: the sandbox deletes
 * the lead, then breaks its answer (a 500, a dropped connection); the retry finds the lead gone,
 * which means the lost attempt did the delete.
 */
import { runNode } from '../helpers/engine.cjs';
import { sandboxCredentials } from '../helpers/sandbox-credentials.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';

const sandbox = useSandbox();
beforeEach(() => {
	sandbox.faults.clear();
	sandbox.store.insert('leads', { id: 'l1', name: 'Ada' });
});

const run = (operation: 'delete' | 'get') =>
	runNode({
		type: 'apideckCrm',
		parameters: { resource: 'lead', operation, id: 'l1' },
		credentials: sandboxCredentials(sandbox),
	});

const calls = () => sandbox.requests.map((r) => `${r.method} ${r.path}`);

test.each([
	['a 500', () => sandbox.faults.serverError({ method: 'DELETE', processed: true })],
	['a dropped connection', () => sandbox.faults.hangUp({ method: 'DELETE', processed: true })],
])(
	'after %s whose delete happened, the retry that finds nothing outputs deleted',
	async (_, fault) => {
		fault();
		const { items, error } = await run('delete');
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ deleted: true, id: 'l1' }]);
		expect(calls()).toEqual(['DELETE /crm/leads/l1', 'DELETE /crm/leads/l1']);
		expect(sandbox.store.get('leads', 'l1')).toBeUndefined();
	},
);

test('a lead that was already gone on the first attempt is still "not found"', async () => {
	sandbox.store.remove('leads', 'l1');
	const { error } = await run('delete');
	expect(error?.message).toBe('The record was not found: No lead with ID l1 (item 0)');
	expect(calls()).toEqual(['DELETE /crm/leads/l1']);
});

test('a 404 about the connection after a lost answer is not taken for a delete', async () => {
	sandbox.faults.serverError({ method: 'DELETE', processed: true });
	sandbox.faults.error({ status: 404, typeName: 'ConnectionNotFoundError', method: 'DELETE' });
	const { error } = await run('delete');
	expect(error?.message).toBe(
		'No CRM is connected for this consumer and service (after 2 attempts) (item 0)',
	);
});

test('only Delete reads "not found" after a lost answer as done: Get still fails', async () => {
	sandbox.faults.serverError({ method: 'GET' });
	sandbox.faults.error({ status: 404, typeName: 'EntityNotFoundError', method: 'GET' });
	const { error } = await run('get');
	expect(error?.message).toBe('The record was not found (after 2 attempts) (item 0)');
});
