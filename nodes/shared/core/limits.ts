import type { IDataObject } from 'n8n-workflow';

/** The most text an error carries in its description, and the size of the answer kept on it. */
export const MAX_ERROR_TEXT = 10_000;
/** The most the headline repeats of what the API said; the description has the rest. */
export const MAX_HEADLINE_WORDS = 300;

/** The text, or its beginning with a note saying how much was cut. */
export function cut(text: string, max: number): string {
	if (text.length <= max) return text;
	return `${text.slice(0, max)}… [cut: ${text.length - max} more characters]`;
}

const isShort = (value: unknown) =>
	value === null ||
	typeof value === 'number' ||
	typeof value === 'boolean' ||
	(typeof value === 'string' && value.length <= MAX_HEADLINE_WORDS);

/**
 * The answer of a failed request as an error keeps it: whole when small, else its short fields,
 * the beginning of the rest and a note that it was cut (n8n stores it in the run data).
 */
export function boundedBody(body: IDataObject): IDataObject {
	const json = JSON.stringify(body);
	if (json.length <= MAX_ERROR_TEXT) return body;
	const kept: IDataObject = {};
	for (const [key, value] of Object.entries(body)) if (isShort(value)) kept[key] = value;
	kept.excerpt = cut(json, MAX_ERROR_TEXT / 2);
	kept.cut = `The answer was ${json.length} characters long; only its short fields and its beginning are kept.`;
	return kept;
}
