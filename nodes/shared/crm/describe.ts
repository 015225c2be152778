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

/**
 * The fields of every resource's operations. Many are the same for several resources (the
 * Options of Get, Delete, …); those are emitted once with the resources merged, which keeps the
 * description the editor loads much smaller. Each operation's fields are ordered by their
 * distance from the end of that operation's list, so every resource still sees its fields in
 * the operation's own order (required fields, then the collections, Options last).
 */
export function operationProperties<Resource extends CatalogResource, Kind extends string>(
	catalog: readonly Resource[],
	operations: Operations<Resource, Kind>,
): INodeProperties[] {
	const slots: Array<{ distanceFromEnd: number; order: number; property: INodeProperties }> = [];
	const merged = new Map<string, INodeProperties>();
	for (const resource of catalog) {
		for (const kind of operationsOf(operations, resource)) {
			const list = operations[kind].description(resource);
			list.forEach((property, index) => {
				const key = withoutResource(property);
				const twin = merged.get(key);
				if (twin) {
					twin.displayOptions!.show!.resource = [
						...(twin.displayOptions!.show!.resource as string[]),
						resource.value,
					];
					return;
				}
				const own = { ...property, displayOptions: structuredClone(property.displayOptions) };
				merged.set(key, own);
				slots.push({ distanceFromEnd: list.length - index, order: slots.length, property: own });
			});
		}
	}
	return slots
		.sort((a, b) => b.distanceFromEnd - a.distanceFromEnd || a.order - b.order)
		.map((slot) => slot.property);
}
