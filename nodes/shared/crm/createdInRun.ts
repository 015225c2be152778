import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

// The records each run created with Create or Update, by match key: a CRM whose search shows a
// new record only after a while must not make a later item of the same run create it again.
const createdByRun = new WeakMap<object, Map<string, string>>();

/**
 * The records a lookup found for the match key, plus the one this run created for it when the
 * lookup did not show it (yet).
 */
export function withCreatedEarlier(
	ctx: IExecuteFunctions,
	key: string,
	matches: IDataObject[],
): IDataObject[] {
	const id = createdByRun.get(ctx)?.get(key);
	return id && !matches.some((record) => String(record.id) === id) ? [...matches, { id }] : matches;
}

export function rememberCreated(ctx: IExecuteFunctions, key: string, id: string): void {
	const created = createdByRun.get(ctx) ?? new Map<string, string>();
	created.set(key, id);
	createdByRun.set(ctx, created);
}
