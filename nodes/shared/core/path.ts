/** Who a path value belongs to, for the message when it cannot be used. */
export interface PathValueContext {
	itemIndex?: number;
	/** What the person calls each path parameter ("Lead ID"); the parameter's name otherwise. */
	labels?: Record<string, string>;
}

/** Why a path value cannot be used, or undefined when it can. */
function problemOf(value: string): string | undefined {
	if (value === '') return 'is empty';
	// encodeURIComponent leaves dots alone, and URLs resolve "." and ".." (even as %2E) as
	// steps in the path: /crm/leads/.. would become /crm/.
	if (value === '.' || value === '..') {
		return `is "${value}", which is not an ID: in a URL it would point to another endpoint`;
	}
	return undefined;
}

/**
 * Fills `{name}` placeholders of an API path with URL-encoded values, so an ID such as
 * `../users` or `a?b#c` can never change which endpoint is called; empty, "." and ".." values
 * are refused with an error that names the parameter and the item.
 */
export function apiPath(
	template: string,
	params: Record<string, string | number> = {},
	context: PathValueContext = {},
): string {
	return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
		const raw = params[name];
		const value = raw === undefined || raw === null ? '' : String(raw);
		const problem = problemOf(value);
		if (problem) {
			const label = context.labels?.[name] ?? `The path parameter "${name}"`;
			const item = context.itemIndex === undefined ? '' : ` (item ${context.itemIndex})`;
			throw new Error(`${label} ${problem}${item}`);
		}
		return encodeURIComponent(value);
	});
}
