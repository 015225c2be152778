/**
 * The node description merges fields shared by several resources; every resource/operation view
 * must still show exactly its operation's fields, in order.
 */
import { ApideckCrm } from '../../nodes/ApideckCrm/ApideckCrm.node';
import { OPERATIONS, operationsOf } from '../../nodes/ApideckCrm/actions/operations';
import { resources } from '../../nodes/ApideckCrm/catalog';
import { visibleIn } from '../helpers/views.cjs';

const properties = new ApideckCrm().description.properties;
const catalog = Object.values(resources);
const unmerged = catalog.flatMap((resource) =>
	operationsOf(resource).flatMap((kind) => OPERATIONS[kind].description(resource)),
);

const visible = visibleIn;

const views = catalog.flatMap((resource) =>
	operationsOf(resource).map((operation) => [resource.value, operation] as const),
);

test('there are 56 resource/operation views (53 endpoints plus 3 Create or Update)', () => {
	expect(views).toHaveLength(56);
});

test.each(views)('%s → %s shows its own fields in its own order', (resource, operation) => {
	const fields = visible(properties, resource, operation);
	expect(fields.length).toBeGreaterThan(0);
	expect(fields).toEqual(visible(unmerged, resource, operation));
});

test('no two parameters of the same name are visible in the same view', () => {
	for (const [resource, operation] of views) {
		const plain = visible(properties, resource, operation).map((property) => property.name);
		const duplicates = plain.filter((name, index) => plain.indexOf(name) !== index);
		expect(duplicates).toEqual([]);
	}
});
