/**
 * Fills `{name}` placeholders of an API path with URL-encoded values, so an ID such as
 * `../users` or `a?b#c` can never change which endpoint is called. "." and ".." are refused:
 * encoding leaves them as they are, and URL parsers drop or fold such segments.
 */
export function apiPath(template: string, params: Record<string, string | number> = {}): string {
	return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
		const value = params[name];
		if (value === undefined || value === null || String(value) === '') {
			throw new Error(`Missing value for path parameter "${name}"`);
		}
		if (String(value) === '.' || String(value) === '..') {
			throw new Error(`"${String(value)}" is not a valid value for path parameter "${name}"`);
		}
		return encodeURIComponent(String(value));
	});
}
