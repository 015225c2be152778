import { record, type Row } from './matrix.cjs';

/**
 * Records the scenario's counts row — "ok" only when the actual counts equal the expected ones —
 * then asserts the same comparison, so the row and the test always agree.
 */
export function verify(
	file: string,
	row: Row,
	actual: Record<string, unknown>,
	expected: Record<string, unknown>,
): void {
	const ok = JSON.stringify(actual) === JSON.stringify(expected);
	record(file, row, ok);
	expect(actual).toEqual(expected);
}
