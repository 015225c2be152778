import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { isResourceLocatorValue, NodeOperationError } from 'n8n-workflow';

/** A parameter of the node as currently edited; for a record picker, the picked ID (extractValue). */
function currentValue(ctx: ILoadOptionsFunctions, path: string): string {
	const raw = ctx.getCurrentNodeParameter(path) as unknown;
	const value = isResourceLocatorValue(raw)
		? (ctx.getCurrentNodeParameter(path, { extractValue: true }) as unknown)
		: raw;
	if (typeof value !== 'string' && typeof value !== 'number') return '';
	// An expression the editor could not resolve yet is no usable ID.
	const text = String(value).trim();
	return text.startsWith('=') ? '' : text;
}

/**
 * The value of the first of `paths` that is set, for a dropdown that depends on it; when none
 * is, "Choose <noun> first" with what to do (`description`).
 */
export function chosenFirst(
	ctx: ILoadOptionsFunctions,
	paths: string[],
	noun: string,
	description: string,
): string {
	for (const path of paths) {
		const value = currentValue(ctx, path);
		if (value) return value;
	}
	throw new NodeOperationError(ctx.getNode(), `Choose ${noun} first`, { description });
}

/** The consumer and connector overrides set under the node's Options, as the operation will use them. */
export function dropdownOverrides(ctx: ILoadOptionsFunctions) {
	return {
		consumerId: currentValue(ctx, 'options.consumerId') || undefined,
		serviceId: currentValue(ctx, 'options.serviceId') || undefined,
	};
}
