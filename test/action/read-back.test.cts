/**
 * A write that worked but whose read-back failed, through n8n's engine against the sandbox: the
 * item must carry the record's ID and say that only the read failed — never look like a failed
 * write that someone would run again.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/engine.cjs';
import { leadsNotReadableYet } from '../helpers/read-faults.cjs';
import { sandboxCredentials } from '../helpers/sandbox-credentials.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';

const sandbox = useSandbox();
beforeEach(() => sandbox.faults.clear());

const failReadOfOneLead = () => leadsNotReadableYet(sandbox);

async function run(operation: string, parameters: INodeParameters) {
	const result = await runNode({
		type: 'apideckCrm',
		parameters: { resource: 'lead', operation, ...parameters },
		credentials: sandboxCredentials(sandbox),
	});
	return { ...result, json: result.items.map((item) => item.json) };
}

const readBackNote = (action: string) => ({
	error: 'The record was not found: Not readable yet (item 0)',
	description: expect.stringContaining('Apideck said: Not readable yet'),
	hint: expect.stringContaining(`The lead was ${action}; only reading it back failed.`),
});

test('Create outputs the new ID and what failed, and the run goes on', async () => {
	failReadOfOneLead();
	const { json, error } = await run('create', { name: 'Ada' });
	expect(error).toBeUndefined();
	const [lead] = sandbox.store.list('leads');
	expect(json).toEqual([{ id: lead.id, _readBack: readBackNote('created') }]);
	expect((json[0]._readBack as IDataObject).hint).toContain('do not create it again');
	expect(sandbox.store.count('leads')).toBe(1);
});

test('Update outputs the ID and what failed after the PATCH went through', async () => {
	sandbox.store.insert('leads', { id: 'l1', name: 'Ada' });
	failReadOfOneLead();
	const { json, error } = await run('update', {
		id: 'l1',
		updateFields: { name: 'Ada L.', status: 'qualified' },
	});
	expect(error).toBeUndefined();
	expect(json).toEqual([{ id: 'l1', _readBack: readBackNote('updated') }]);
	expect(sandbox.store.get('leads', 'l1')).toMatchObject({ status: 'qualified' });
});

describe('Create or Update', () => {
	test('created: the ID, _upsert and what failed', async () => {
		failReadOfOneLead();
		const { json, error } = await run('upsert', { email: 'ada@example.com', name: 'Ada' });
		expect(error).toBeUndefined();
		const [lead] = sandbox.store.list('leads');
		expect(json).toEqual([{ id: lead.id, _readBack: readBackNote('created'), _upsert: 'created' }]);
	});

	test('updated: the ID, _upsert and what failed', async () => {
		sandbox.store.insert('leads', {
			id: 'l1',
			name: 'Ada',
			emails: [{ email: 'ada@example.com' }],
		});
		failReadOfOneLead();
		const { json, error } = await run('upsert', {
			email: 'ada@example.com',
			name: 'Ada',
			additionalFields: { status: 'qualified' },
		});
		expect(error).toBeUndefined();
		expect(json).toEqual([{ id: 'l1', _readBack: readBackNote('updated'), _upsert: 'updated' }]);
		expect(sandbox.store.get('leads', 'l1')).toMatchObject({ status: 'qualified' });
	});
});
