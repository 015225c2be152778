import type { RunNodeResult } from '../../helpers/engine.cjs';
import { isClear, listCounts } from './fixtures.cjs';
import type { Row } from './matrix.cjs';
import { verify } from './verify.cjs';

/** A list run under faults: how to run it, count its requests, and what it should return. */
export interface ListRig<Extra> {
	file: string;
	area: string;
	total: number;
	/** The list request as errors name it, e.g. `GET /crm/leads`. */
	request: string;
	list: (extra?: Extra) => Promise<RunNodeResult>;
	requests: () => number;
}

/**
 * Scenarios of one list: `all` expects every record exactly once after `requests` requests;
 * `clearFailure` expects a clear error matching `message` and no partial output.
 */
export function listScenarios<Extra>(rig: ListRig<Extra>) {
	const row = (scenario: string, injected: string): Row => ({ area: rig.area, scenario, injected });
	return {
		async all(scenario: string, injected: string, requests: number, extra?: Extra) {
			const { items, error } = await rig.list(extra);
			const counts = listCounts(items, rig.total);
			verify(
				rig.file,
				{
					...row(scenario, injected),
					requests: rig.requests(),
					items: `${counts.out}/${rig.total}`,
					lost: counts.lost,
					duplicates: counts.duplicates,
					failures: error ? `1 (${error.message})` : '0',
				},
				{ error: error?.message, requests: rig.requests(), ...counts },
				{ error: undefined, requests, out: rig.total, lost: 0, duplicates: 0 },
			);
		},
		/** Every record exactly once, after some requests were refused with 429 and retried. */
		async throughRateLimit(scenario: string, injected: string, pages: number) {
			const { items, error } = await rig.list();
			const counts = listCounts(items, rig.total);
			const rejected = rig.requests() - pages;
			verify(
				rig.file,
				{
					...row(scenario, injected),
					requests: rig.requests(),
					items: `${counts.out}/${rig.total}`,
					lost: counts.lost,
					duplicates: counts.duplicates,
					failures: error ? `1 (${error.message})` : '0',
					rejected: `${rejected} × 429 retried`,
				},
				{ error: error?.message, ...counts, someRejected: rejected > 0 },
				{ error: undefined, out: rig.total, lost: 0, duplicates: 0, someRejected: true },
			);
		},
		async clearFailure(
			scenario: string,
			injected: string,
			message: RegExp,
			requests: number,
			extra?: Extra,
		) {
			const { items, error } = await rig.list(extra);
			const clear = isClear(error, message, rig.request);
			verify(
				rig.file,
				{
					...row(scenario, injected),
					requests: rig.requests(),
					items: `${items.length} (no partial output)`,
					lost: 0,
					duplicates: 0,
					failures: `1 (${clear ? 'clear' : 'UNCLEAR'}: ${error?.message ?? 'none'})`,
				},
				{ clear, out: items.length, requests: rig.requests() },
				{ clear: true, out: 0, requests },
			);
		},
	};
}
