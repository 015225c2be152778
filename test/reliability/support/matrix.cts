/**
 * One counts row per scenario, appended to a file the matrix reporter prints. `result` is
 * computed from the counts, so a row says "FAIL" whenever its test's assertions would.
 */
import { appendFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface Row {
	area: string;
	scenario: string;
	injected?: string;
	requests?: number | string;
	items?: string;
	lost?: number;
	duplicates?: number;
	failures?: string;
	rejected?: string;
	executions?: number | string;
	result?: 'ok' | 'FAIL';
}

export function record(testFile: string, row: Row, ok: boolean): void {
	const dir = process.env.RELIABILITY_ROWS_DIR;
	const complete: Row = { ...row, result: ok ? 'ok' : 'FAIL' };
	if (!dir) return;
	const file = `${basename(testFile).replace(/\W/g, '_')}.jsonl`;
	appendFileSync(join(dir, file), `${JSON.stringify(complete)}\n`);
}
