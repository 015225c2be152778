import type { IExecuteFunctions } from 'n8n-workflow';

// The records each run created with Create or Update, by match key: a CRM whose search shows a
// new record only after a while must not make a later item of the same run create it again.
const createdByRun = new WeakMap<object, Map<string, string>>();

/** The ID this run created for a match key, if it did. */
export const createdEarlier = (ctx: IExecuteFunctions, key: string): string | undefined =>
	createdByRun.get(ctx)?.get(key);

export function rememberCreated(ctx: IExecuteFunctions, key: string, id: string): void {
	const created = createdByRun.get(ctx) ?? new Map<string, string>();
	created.set(key, id);
	createdByRun.set(ctx, created);
}
