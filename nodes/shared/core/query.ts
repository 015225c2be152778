import type { IDataObject } from 'n8n-workflow';

type QueryValue = IDataObject[string];

const isEmpty = (value: QueryValue): boolean =>
	value === undefined ||
	value === null ||
	value === '' ||
	(Array.isArray(value) && value.length === 0) ||
	(typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);

// Brackets of deepObject keys stay literal (filter[email]); every key part and value is encoded.
const encodeKey = ([first, ...rest]: string[]) =>
	encodeURIComponent(first) + rest.map((part) => `[${encodeURIComponent(part)}]`).join('');

/** How a backend wants arrays: `a=x,y` (comma) or `a[]=x&a[]=y` (brackets). */
export type ArrayStyle = 'comma' | 'brackets';

function appendPairs(pairs: string[], key: string[], value: QueryValue, arrays: ArrayStyle): void {
	if (isEmpty(value)) return;
	if (Array.isArray(value)) {
		const present = value.filter((entry) => !isEmpty(entry as QueryValue));
		if (arrays === 'brackets') {
			for (const entry of present)
				pairs.push(`${encodeKey(key)}[]=${encodeURIComponent(String(entry))}`);
		} else if (present.length) {
			pairs.push(`${encodeKey(key)}=${encodeURIComponent(present.join(','))}`);
		}
		return;
	}
	if (typeof value === 'object') {
		for (const [child, childValue] of Object.entries(value as IDataObject)) {
			appendPairs(pairs, [...key, child], childValue, arrays);
		}
		return;
	}
	pairs.push(`${encodeKey(key)}=${encodeURIComponent(String(value))}`);
}

/**
 * Encodes a query with nested objects (filter, sort, …) in deepObject style
 * (`filter[email]=a%40b.c`), arrays as comma lists (or repeated `key[]=`), empty values left out.
 */
export function encodeQuery(query: IDataObject = {}, arrays: ArrayStyle = 'comma'): string {
	const pairs: string[] = [];
	for (const [key, value] of Object.entries(query)) appendPairs(pairs, [key], value, arrays);
	return pairs.join('&');
}
