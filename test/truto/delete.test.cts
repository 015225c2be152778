/**
 * Delete on Truto when an answer gets lost, through n8n's engine against the Truto sandbox: the
 * sandbox deletes the contact, then breaks its answer; the retry finds it gone in the CRM, which
 * means the lost attempt did the delete.
 */
import { runNode } from '../helpers/engine.cjs';
import { trutoCredentials } from '../helpers/sandbox-credentials.cjs';
import { useTruto } from '../helpers/use-sandbox.cjs';

const sandbox = useTruto({ reset: 'records' });
let id = '';
beforeEach(() => {
	sandbox.faults.clear();
	id = String(sandbox.store.insert('contacts', { first_name: 'Ada' }).id);
});

const run = () =>
	runNode({
		type: 'trutoCrm',
		parameters: { resource: 'contact', operation: 'delete', id },
		credentials: trutoCredentials(sandbox),
	});

const deletes = () => sandbox.requests.filter((r) => r.method === 'DELETE').length;

test.each([
	['a 500', () => sandbox.faults.serverError({ method: 'DELETE', processed: true })],
	['a dropped connection', () => sandbox.faults.hangUp({ method: 'DELETE', processed: true })],
])(
	'after %s whose delete happened, the retry that finds nothing outputs deleted',
	async (_, fault) => {
		fault();
		const { items, error } = await run();
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ deleted: true, id }]);
		expect(deletes()).toBe(2);
	},
);

test('a contact that was already gone on the first attempt is still "not found"', async () => {
	sandbox.store.remove('contacts', id);
	const { error } = await run();
	expect(error?.message).toMatch(/^The CRM found no such record/);
	expect(deletes()).toBe(1);
});
