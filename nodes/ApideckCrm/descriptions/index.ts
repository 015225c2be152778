import type { INodeProperties } from 'n8n-workflow';

import { OPERATIONS, operationsOf } from '../actions/operations';
import type { CatalogResource } from '../catalog';
import { catalog } from '../catalog';
import { parentProperty } from './locators';

const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: catalog
		.map((r) => ({ name: r.displayName, value: r.value }))
		.sort((a, b) => a.name.localeCompare(b.name)),
	default: 'lead',
};

function operationProperty(resource: CatalogResource): INodeProperties {
	const kinds = operationsOf(resource);
	const defaultOperation = kinds.includes('getAll') ? 'getAll' : kinds[0];
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: kinds
			.map((kind) => {
				const { name, action, description } = OPERATIONS[kind].option;
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

function resourceLevelProperties(resource: CatalogResource): INodeProperties[] {
	return [operationProperty(resource), ...parentProperty(resource)];
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
function operationProperties(): INodeProperties[] {
	const slots: Array<{ distanceFromEnd: number; order: number; property: INodeProperties }> = [];
	const merged = new Map<string, INodeProperties>();
	for (const resource of catalog) {
		for (const kind of operationsOf(resource)) {
			const list = OPERATIONS[kind].description(resource);
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

/** Every parameter of the node: resource, operations, then the fields of each operation. */
export const properties: INodeProperties[] = [
	resourceProperty,
	...catalog.flatMap(resourceLevelProperties),
	...operationProperties(),
];
