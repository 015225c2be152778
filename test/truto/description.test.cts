/**
 * The Truto node's parameters: the pinned resource and operation values, n8n's names, and every
 * resource/operation view showing exactly its operation's fields after merging.
 */
import { TrutoCrm } from '../../nodes/TrutoCrm/TrutoCrm.node';
import { OPERATIONS, operationsOf } from '../../nodes/TrutoCrm/actions/operations';
import { catalog } from '../../nodes/TrutoCrm/catalog';
import { visibleIn } from '../helpers/views.cjs';

const { properties, name, credentials } = new TrutoCrm().description;
const unmerged = catalog.flatMap((resource) =>
	operationsOf(resource).flatMap((kind) => OPERATIONS[kind].description(resource)),
);

const visible = visibleIn;

const views = catalog.flatMap((resource) =>
	operationsOf(resource).map((operation) => [resource.value, operation] as const),
);

test('is trutoCrm with the trutoApi credential', () => {
	expect(name).toBe('trutoCrm');
	expect(credentials).toEqual([{ name: 'trutoApi', required: true }]);
});

test('offers the pinned operations with n8n’s names', () => {
	const operation = (resource: string) =>
		properties.find(
			(p) =>
				p.name === 'operation' && (p.displayOptions?.show?.resource as string[]).includes(resource),
		)!;
	const offered = (resource: string) =>
		(operation(resource).options as Array<{ name: string; value: string }>).map((o) => [
			o.value,
			o.name,
		]);
	expect(offered('contact')).toEqual([
		['create', 'Create'],
		['upsert', 'Create or Update'],
		['delete', 'Delete'],
		['batchDelete', 'Delete Many'],
		['get', 'Get'],
		['getAll', 'Get Many'],
		['merge', 'Merge'],
		['update', 'Update'],
	]);
	expect(offered('lead').map(([value]) => value)).toContain('upsert');
	expect(offered('lead').map(([value]) => value)).not.toContain('merge');
	expect(offered('stage')).toEqual([['getAll', 'Get Many']]);
	expect(offered('association')).toEqual([['create', 'Create']]);
	expect(operation('contact').default).toBe('getAll');
});

test('every operation runs in an integrated account chosen from a list or by ID', () => {
	const account = properties.find((p) => p.name === 'integratedAccount')!;
	expect(account.displayOptions).toBeUndefined();
	expect(account.modes?.map((m) => m.name)).toEqual(['list', 'id']);
});

test('never offers truto_key_by (one item per record)', () => {
	expect(JSON.stringify(properties)).not.toMatch(/key_by|keyBy/);
});

test.each(views)('%s → %s shows its own fields in its own order', (resource, operation) => {
	const fields = visible(properties, resource, operation);
	expect(fields.length).toBeGreaterThan(0);
	expect(fields).toEqual(visible(unmerged, resource, operation));
	const names = fields.map((f) => f.name);
	expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
});
