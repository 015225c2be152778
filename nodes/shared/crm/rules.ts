import type { CatalogResource } from './types';

/** The rules every node keeps per resource in its rules.ts (each adds its own). */
export interface CommonRules {
	/** The fields Simplify keeps. */
	simple?: readonly string[];
	/** Create or Update finds the record by this field, through a list filter. */
	upsertMatch?: 'email' | 'name';
	/** Help text of top-level fields that differs from the catalog's for this resource. */
	helpText?: Readonly<Record<string, string>>;
	/** Link fields (of any resource) that point at these records: they get a picker of them. */
	linkedBy?: readonly string[];
}

/** The resource each link field points at (owner → user), from every resource's `linkedBy`. */
export function linksOf<Resource extends string>(
	rules: Readonly<Record<Resource, CommonRules>>,
): Readonly<Record<string, Resource>> {
	return Object.fromEntries(
		(Object.entries(rules) as Array<[Resource, CommonRules]>).flatMap(([resource, own]) =>
			(own.linkedBy ?? []).map((field) => [field, resource]),
		),
	);
}

/** The field Create or Update matches on, where the resource has the endpoints it needs. */
export function upsertMatchFor(
	resource: CatalogResource,
	rules: CommonRules,
): 'email' | 'name' | undefined {
	const { create, update, getAll } = resource.operations;
	return create && update && getAll ? rules.upsertMatch : undefined;
}
