/** A small seeded random generator, so a failing fuzz case can be regenerated from its seed. */
export function seededRandom(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
	const int = (max: number) => Math.floor(next() * max);
	const pick = <T,>(values: readonly T[]): T => values[int(values.length)];
	return { next, int, pick };
}
