/**
 * IDs go into the path. "." and ".." are steps in a URL path, not IDs: `/crm/leads/..` is
 * `/crm/`. They are refused, naming the field and the item, before anything is sent.
 */
import type { IDataObject } from 'n8n-workflow';

import { apiPath } from '../../nodes/shared/core';
import { runNode } from '../helpers/engine.cjs';
import { sandboxCredentials } from '../helpers/sandbox-credentials.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';

const sandbox = useSandbox();

const run = (operation: string, input: IDataObject[], continueOnFail = false) =>
	runNode({
		type: 'apideckCrm',
		parameters: {
			resource: 'lead',
			operation,
			id: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			...(operation === 'update' ? { updateFields: { name: 'Renamed' } } : {}),
		},
		credentials: sandboxCredentials(sandbox),
		input: input.map((json) => ({ json })),
		continueOnFail,
	});

test.each([
	['get', '..'],
	['get', '.'],
	['update', '..'],
	['delete', '..'],
	['delete', '.'],
])('%s with the ID "%s" is refused with the field and the item named', async (operation, id) => {
	const { error } = await run(operation, [{ id }]);
	expect(error?.message).toBe(
		`Lead ID is "${id}", which is not an ID: in a URL it would point to another endpoint (item 0)`,
	);
	expect(sandbox.requests).toEqual([]);
});

test('with Continue On Fail only the item with the dotted ID fails', async () => {
	const lead = sandbox.store.insert('leads', { name: 'Ada' });
	const { items, error } = await run('get', [{ id: String(lead.id) }, { id: '..' }], true);
	expect(error).toBeUndefined();
	expect(items.map((item) => item.json.id ?? item.json.error)).toEqual([
		lead.id,
		expect.stringContaining('(item 1)'),
	]);
	expect(sandbox.requests.map((r) => r.path)).toEqual([`/crm/leads/${String(lead.id)}`]);
});

test('the core refuses them for every backend, naming the parameter', () => {
	expect(() => apiPath('/items/{id}', { id: '..' })).toThrow(
		'The path parameter "id" is "..", which is not an ID',
	);
	expect(() => apiPath('/items/{id}', { id: '' })).toThrow('The path parameter "id" is empty');
	expect(apiPath('/items/{id}', { id: '...' })).toBe('/items/...');
	expect(apiPath('/items/{id}', { id: '../x' })).toBe('/items/..%2Fx');
});
