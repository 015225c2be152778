/**
 * Input the CRM refuses: the sandbox answers an invalid email as Apideck answers invalid
 * params (400 RequestValidationError naming the field), and the node's error leads with the
 * field and names the item, so that "bad input stops with the field and the item named" holds
 * for what only the API can check too.
 */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../helpers/engine.cjs';
import { sandboxCredentials } from '../helpers/sandbox-credentials.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';

const sandbox = useSandbox();

async function createLeads(emails: string[], continueOnFail = false) {
	return await runNode({
		type: 'apideckCrm',
		parameters: {
			resource: 'lead',
			operation: 'create',
			name: '={{ $json.name }}',
			additionalFields: {
				emails: { values: [{ id: '', email: '={{ $json.email }}', type: 'work' }] },
			},
			options: { itemsInParallel: 1 },
		},
		credentials: sandboxCredentials(sandbox),
		input: emails.map((email, i): { json: IDataObject } => ({
			json: { name: `Lead ${i}`, email },
		})),
		continueOnFail,
	});
}

test('an invalid email stops the run with the field and the item named', async () => {
	const { error } = await createLeads(['ann@example.com', 'not-an-email']);
	expect(error?.message).toBe(
		'Apideck rejected the request as invalid: emails[0].email is not an email address: "not-an-email" (item 1)',
	);
	expect(error?.description).toContain('Hint: Check the fields named');
	expect(sandbox.store.list('leads').map((lead) => lead.name)).toEqual(['Lead 0']);
});

test('with Continue On Fail the item outputs that message, paired with its input', async () => {
	const { items } = await createLeads(['bad@', 'bob@example.com'], true);
	expect(items.map((item) => [item.pairedItem, item.json.error ?? 'created'])).toEqual([
		[{ item: 0 }, expect.stringMatching(/emails\[0\]\.email is not an email address.*\(item 0\)$/)],
		[{ item: 1 }, 'created'],
	]);
});
