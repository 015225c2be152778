import type { JsonObject } from './types.cjs';

function decode(part: string): string {
	try {
		return decodeURIComponent(part.replace(/\+/g, ' '));
	} catch {
		return part;
	}
}

/** Splits `filter[a][b]` into ['filter', 'a', 'b']; a key without brackets is one segment. */
function keyPath(key: string): string[] {
	const match = /^([^[\]]+)((?:\[[^[\]]*\])+)$/.exec(key);
	if (!match) return [key];
	const rest = match[2].slice(1, -1).split('][');
	return [match[1], ...rest];
}

/** Names that would reach Object.prototype through plain objects. */
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses a raw query string the way Apideck reads it: deepObject keys become nested objects,
 * a repeated plain key becomes an array. Keys that could pollute prototypes are dropped.
 */
export function parseQuery(rawQuery: string): JsonObject {
	const out: JsonObject = {};
	if (!rawQuery) return out;
	for (const pair of rawQuery.split('&')) {
		if (!pair) continue;
		const eq = pair.indexOf('=');
		const key = decode(eq === -1 ? pair : pair.slice(0, eq));
		const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
		const path = keyPath(key);
		if (path.some((segment) => UNSAFE.has(segment))) continue;
		let target = out;
		for (const segment of path.slice(0, -1)) {
			const next = target[segment];
			if (typeof next !== 'object' || next === null || Array.isArray(next)) target[segment] = {};
			target = target[segment] as JsonObject;
		}
		const last = path[path.length - 1];
		const existing = target[last];
		if (existing === undefined) target[last] = value;
		else if (Array.isArray(existing)) existing.push(value);
		else target[last] = [existing, value];
	}
	return out;
}

/** Rebuilds a raw query string without the given keys (used for pagination links). */
export function withoutParams(rawQuery: string, names: string[]): string {
	return rawQuery
		.split('&')
		.filter((pair) => pair && !names.includes(decode(pair.split('=')[0])))
		.join('&');
}
