import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

/** A parameter of the node as currently edited; a resource locator gives its value. */
export function currentValue(ctx: ILoadOptionsFunctions, path: string): string {
	const raw = ctx.getCurrentNodeParameter(path) as unknown;
	const value =
		typeof raw === 'object' && raw !== null ? (raw as IDataObject).value : (raw as unknown);
	if (typeof value !== 'string' && typeof value !== 'number') return '';
	// An expression the editor could not resolve yet is no usable ID.
	const text = String(value).trim();
	return text.startsWith('=') ? '' : text;
}

/** The consumer and connector overrides set under the node's Options, as the operation will use them. */
export function dropdownOverrides(ctx: ILoadOptionsFunctions) {
	return {
		consumerId: currentValue(ctx, 'options.consumerId') || undefined,
		serviceId: currentValue(ctx, 'options.serviceId') || undefined,
	};
}
