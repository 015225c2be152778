/**
 * Writes that may or may not have happened, at volume: deletes whose answers get lost after the
 * delete, creates whose read-back fails, Create or Update of the same emails in mixed case with
 * many items in parallel, and updates that leave the spec's required field out. No item may be
 * lost, no record created twice, no write reported as failed when it happened, every body valid
 * against Apideck's spec, and the key never shown.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { leadsNotReadableYet } from '../helpers/read-faults.cjs';
import { specBodies } from '../helpers/spec-bodies.cjs';
import { capture, installCapture, releaseCapture } from './support/capture.cjs';
import { run, useReliabilitySandbox } from './support/fixtures.cjs';
import type { Row } from './support/matrix.cjs';
import { secretScan } from './support/secret-scan.cjs';
import { verify } from './support/verify.cjs';

installCapture();

const AREA = 'Write safety';
const sandbox = useReliabilitySandbox();
const spec = specBodies();

afterAll(() => releaseCapture());
beforeEach(() => {
	sandbox.faults.clear();
	sandbox.clearRequests();
	sandbox.store.clear('leads');
});

const lead = (parameters: INodeParameters, input: IDataObject[]) =>
	run(sandbox, {
		parameters: { resource: 'lead', ...parameters },
		input: input.map((json) => ({ json })),
		continueOnFail: true,
	});

const errorsOf = (items: INodeExecutionData[]) =>
	items.filter((item) => item.json.error !== undefined).map((item) => String(item.json.error));

/** Input items without an output item of their own. */
const lostOf = (items: INodeExecutionData[], count: number) =>
	count - new Set(items.map((item) => (item.pairedItem as { item: number }).item)).size;

const count = (method: string) => sandbox.requests.filter((r) => r.method === method).length;

function failures(items: INodeExecutionData[]): string {
	const errors = errorsOf(items);
	return errors.length ? `${errors.length}: ${errors[0]}` : '0';
}

function seed(n: number) {
	sandbox.store.insertMany(
		'leads',
		Array.from({ length: n }, (_, i) => ({ id: `lead-${i}`, name: `Lead ${i}`, status: 'new' })),
	);
}

test('40 deletes whose answers are lost after the delete: every one reported deleted', async () => {
	const N = 40;
	seed(N);
	// The first answer of every delete is lost once the lead is gone: a 500 or a dropped connection.
	for (let i = 0; i < N; i++) {
		const scope = { method: 'DELETE', path: `/crm/leads/lead-${i}`, processed: true };
		if (i % 2) sandbox.faults.hangUp(scope);
		else sandbox.faults.serverError({ ...scope, status: 500 });
	}
	const { items, error } = await lead(
		{ operation: 'delete', id: '={{ $json.id }}' },
		Array.from({ length: N }, (_, i) => ({ id: `lead-${i}` })),
	);
	const deleted = items.filter((item) => item.json.deleted === true).length;
	const row: Row = {
		area: AREA,
		scenario: 'Delete, answer lost after the delete',
		injected: `${N / 2}× 500 + ${N / 2}× dropped connection, each after deleting`,
		requests: count('DELETE'),
		items: `${items.length} out / ${N} in, ${deleted} deleted, ${sandbox.store.count('leads')} left`,
		lost: lostOf(items, N),
		duplicates: 0,
		failures: failures(items),
	};
	verify(
		__filename,
		row,
		{ runError: error?.message, deleted, left: sandbox.store.count('leads'), lost: row.lost },
		{ runError: undefined, deleted: N, left: 0, lost: 0 },
	);
});

test('40 creates whose read-back fails: every lead stored once, every item carries its ID', async () => {
	const N = 40;
	leadsNotReadableYet(sandbox, N);
	const { items, error } = await lead(
		{ operation: 'create', name: '={{ $json.name }}' },
		Array.from({ length: N }, (_, i) => ({ name: `Created ${i}` })),
	);
	const stored = sandbox.store.list('leads');
	const storedIds = new Set(stored.map((record) => String(record.id)));
	const withId = items.filter(
		(item) => storedIds.has(String(item.json.id)) && item.json._readBack !== undefined,
	).length;
	const names = stored.map((record) => record.name);
	const duplicates = names.length - new Set(names).size;
	const row: Row = {
		area: AREA,
		scenario: 'Create, read-back fails',
		injected: `${N}× 404 on the GET after the create`,
		requests: `${count('POST')} POST, ${count('GET')} GET`,
		items: `${items.length} out / ${N} in, ${withId} with ID and _readBack, ${stored.length} stored`,
		lost: lostOf(items, N),
		duplicates,
		failures: failures(items),
	};
	verify(
		__filename,
		row,
		{ runError: error?.message, stored: stored.length, withId, duplicates, errors: row.failures },
		{ runError: undefined, stored: N, withId: N, duplicates: 0, errors: '0' },
	);
});

test('30 Create or Update items over 10 emails in mixed case, 10 in parallel: exactly 10 leads', async () => {
	const N = 30;
	const KEYS = 10;
	// Three items in a row per email, the third in upper case: p0, p0, P0, p1, p1, P1, …
	const input = Array.from({ length: N }, (_, i) => {
		const key = Math.floor(i / (N / KEYS));
		const email = `person${key}@example.com`;
		return { email: i % 3 === 2 ? email.toUpperCase() : email, name: `Person ${key}` };
	});
	const { items, error } = await lead(
		{
			operation: 'upsert',
			email: '={{ $json.email }}',
			name: '={{ $json.name }}',
			options: { itemsInParallel: 10 },
		},
		input,
	);
	const created = items.filter((item) => item.json._upsert === 'created').length;
	const updated = items.filter((item) => item.json._upsert === 'updated').length;
	const stored = sandbox.store.count('leads');
	const violations = spec.violations(sandbox.requests);
	const row: Row = {
		area: AREA,
		scenario: 'Create or Update, same emails in one run',
		injected: `${N} items, ${KEYS} emails in mixed case, Items in Parallel 10`,
		requests: `${count('POST')} POST, ${count('PATCH')} PATCH`,
		items: `${created} created, ${updated} updated, ${stored} stored`,
		lost: lostOf(items, N),
		duplicates: stored - KEYS,
		failures: failures(items),
	};
	verify(
		__filename,
		row,
		{ runError: error?.message, stored, created, updated, errors: row.failures, violations },
		{
			runError: undefined,
			stored: KEYS,
			created: KEYS,
			updated: N - KEYS,
			errors: '0',
			violations: [],
		},
	);
});

test('40 updates that set only a status: valid bodies, every name kept', async () => {
	const N = 40;
	seed(N);
	const { items, error } = await lead(
		{ operation: 'update', id: '={{ $json.id }}', updateFields: { status: 'qualified' } },
		Array.from({ length: N }, (_, i) => ({ id: `lead-${i}` })),
	);
	const stored = sandbox.store.list('leads');
	const kept = stored.filter(
		(record) =>
			record.name === `Lead ${String(record.id).slice(5)}` && record.status === 'qualified',
	).length;
	const violations = spec.violations(sandbox.requests);
	const row: Row = {
		area: AREA,
		scenario: 'Update without the required name',
		injected: `${N} items, only Status set; the spec requires name on PATCH`,
		requests: `${count('GET')} GET, ${count('PATCH')} PATCH`,
		items: `${items.length} out / ${N} in, ${kept} updated with name kept`,
		lost: lostOf(items, N),
		duplicates: 0,
		failures: `${failures(items)}; ${violations.length} spec violations`,
	};
	verify(
		__filename,
		row,
		{
			runError: error?.message,
			kept,
			errors: failures(items),
			violations,
			checked: spec.checked > 0,
		},
		{ runError: undefined, kept: N, errors: '0', violations: [], checked: spec.available },
	);
});

test('the API key appears nowhere in what the runs produced or logged', () => {
	capture('stored leads', sandbox.store.list('leads'));
	secretScan(__filename, AREA);
});
