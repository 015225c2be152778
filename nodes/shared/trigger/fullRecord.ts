import type { IDataObject } from 'n8n-workflow';

import type { RetryPolicy } from '../core';

/** What Fetch Full Record adds to the event: the record, or why it could not be read. */
export type FullRecord = { record: IDataObject } | { recordError: IDataObject };

/** How long a read made while the sender waits for the answer may take, in all. */
export interface ReadBudget {
	budgetMs: number;
	policy: RetryPolicy;
	/** Bounds each attempt's whole request, a body trickling in included. */
	timeoutMs: number;
}

/**
 * A retry policy and a per-attempt timeout whose attempts and pauses together fit in
 * `budgetMs`: the sender of a delivery waits for the answer and sends the event again when it
 * waits too long.
 */
export function readBudget(budgetMs: number, maxAttempts: number, maxWaitMs: number): ReadBudget {
	return {
		budgetMs,
		policy: {
			maxAttempts,
			maxTotalWaitMs: maxWaitMs,
			baseDelayMs: Math.min(500, maxWaitMs),
			maxDelayMs: maxWaitMs,
		},
		timeoutMs: (budgetMs - maxWaitMs) / maxAttempts,
	};
}

/**
 * What to do about a read that failed: a 404 means the record is gone; no answer, a 429 or a
 * 5xx means the budget ran out on a slow or failing CRM, so read it later with the action node.
 */
export function readHints(budget: ReadBudget, senderName: string, nodeName: string) {
	return (httpCode: string | null | undefined): string | undefined => {
		if (httpCode === '404')
			return 'The record was probably deleted or merged after the event was sent.';
		if (!httpCode || httpCode === '429' || httpCode.startsWith('5')) {
			return `The trigger reads the record for at most ${budget.budgetMs / 1000} s so that ${senderName} gets its answer in time. Read it later in the workflow with the ${nodeName} node (Get) if you need it.`;
		}
		return undefined;
	};
}

interface ReadFailure {
	message: string;
	description?: string | null;
	httpCode?: string | null;
}

/**
 * Runs `read` and turns what it answers or throws into a FullRecord; it never throws, so the
 * event is emitted either way. `what` names the record in messages ("lead").
 */
export async function readRecord(
	backendName: string,
	what: string,
	read: () => Promise<unknown>,
	hintFor: (httpCode: string | null | undefined) => string | undefined,
): Promise<FullRecord> {
	try {
		const record = await read();
		if (record && typeof record === 'object' && !Array.isArray(record))
			return { record: record as IDataObject };
		return { recordError: { message: `${backendName} answered without a record` } };
	} catch (error) {
		const failure = error as ReadFailure;
		const recordError: IDataObject = { message: `Could not fetch the ${what}: ${failure.message}` };
		if (failure.httpCode) recordError.httpCode = failure.httpCode;
		const hint = hintFor(failure.httpCode);
		if (hint) recordError.hint = hint;
		if (failure.description) recordError.description = failure.description;
		return { recordError };
	}
}
