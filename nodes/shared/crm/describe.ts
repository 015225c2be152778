import type { INodeProperties } from 'n8n-workflow';

import type { Operations } from './operations';
import { operationsOf } from './operations';
import type { CatalogResource } from './types';

/** The Resource dropdown, sorted by name. */
export function resourceProperty(
	catalog: readonly CatalogResource[],
	defaultValue: string,
): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: catalog
			.map((r) => ({ name: r.displayName, value: r.value }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultValue,
	};
}

/** The Operation dropdown of one resource, Get Many by default where it has one. */
export function operationProperty<Resource extends CatalogResource, Kind extends string>(
	operations: Operations<Resource, Kind>,
	resource: Resource,
): INodeProperties {
	const kinds = operationsOf(operations, resource);
	const defaultOperation = kinds.includes('getAll' as Kind) ? 'getAll' : kinds[0];
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: kinds
			.map((kind) => {
				const { name, action, description } = operations[kind].option;
				return {
					name,
					value: kind,
					action: action(resource),
					...(description ? { description: description(resource) } : {}),
				};
			})
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
}

const withoutResource = (property: INodeProperties) =>
	JSON.stringify({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, resource: [] },
		},
	});

// Whether two fields can be visible in the same view: their Operation conditions overlap.
const shareAView = (a?: string[], b?: string[]) =>
	!a || !b || a.some((operation) => b.includes(operation));

/**
 * The fields of every resource's operations. Many are the same for several resources (the
 * Options of Get, Delete, …); those are emitted once with the resources merged, which keeps the
 * description the editor loads much smaller. Every resource/operation view keeps the order its
 * fields have in that resource's own lists: each field is placed after the fields listed before
 * it that share a view with it (a topological order, ties broken by first appearance). A field
 * whose merging would contradict that order is emitted again for its own resource instead.
 */
export function operationProperties<Resource extends CatalogResource, Kind extends string>(
	catalog: readonly Resource[],
	operations: Operations<Resource, Kind>,
): INodeProperties[] {
	const nodes: Array<{ property: INodeProperties; after: Set<number> }> = [];
	const merged = new Map<string, number>();
	// Whether `from` is already placed before `to` (a chain of "comes after" links leads to it).
	const precedes = (from: number, to: number): boolean => {
		const stack = [to];
		const seen = new Set<number>();
		while (stack.length) {
			const at = stack.pop()!;
			if (at === from) return true;
			if (seen.has(at)) continue;
			seen.add(at);
			stack.push(...nodes[at].after);
		}
		return false;
	};
	for (const resource of catalog) {
		const listed: Array<{ node: number; operations?: string[] }> = [];
		for (const kind of operationsOf(operations, resource)) {
			for (const property of operations[kind].description(resource)) {
				const shownFor = property.displayOptions?.show?.operation as string[] | undefined;
				const before = listed
					.filter((entry) => shareAView(entry.operations, shownFor))
					.map((entry) => entry.node);
				const key = withoutResource(property);
				const twin = merged.get(key);
				let node: number;
				if (twin !== undefined && !before.some((earlier) => precedes(twin, earlier))) {
					node = twin;
					const show = nodes[twin].property.displayOptions!.show!;
					show.resource = [...(show.resource as string[]), resource.value];
				} else {
					const displayOptions = structuredClone(property.displayOptions);
					node = nodes.push({ property: { ...property, displayOptions }, after: new Set() }) - 1;
					if (twin === undefined) merged.set(key, node);
				}
				before.forEach((earlier) => nodes[node].after.add(earlier));
				listed.push({ node, operations: shownFor });
			}
		}
	}
	const placed = new Set<number>();
	const order: INodeProperties[] = [];
	while (order.length < nodes.length) {
		const next = nodes.findIndex(
			(node, index) => !placed.has(index) && [...node.after].every((i) => placed.has(i)),
		);
		placed.add(next);
		order.push(nodes[next].property);
	}
	return order;
}
