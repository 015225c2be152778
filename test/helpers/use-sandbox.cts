import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/apideck/index.cjs';
import {
	startTrutoSandbox,
	type TrutoSandbox,
	type TrutoSandboxOptions,
} from '../../sandbox/truto/index.cjs';

interface PerFile<S> {
	/**
	 * What is emptied before every test: the records and the request log (the default), only the
	 * request log (for files that seed once), or nothing.
	 */
	reset?: 'records' | 'requests' | 'none';
	/**
	 * Runs once the sandbox is up (seed records, start a trigger host, …); what it returns runs
	 * after the file's tests, before the sandbox closes.
	 */
	setup?: (sandbox: S) => Promise<Teardown | void> | Teardown | void;
}

type Teardown = () => Promise<void> | void;

export type UseSandboxOptions = SandboxOptions & PerFile<Sandbox>;
export type UseTrutoOptions = TrutoSandboxOptions & PerFile<TrutoSandbox>;

interface Running {
	store: { clear(): void };
	clearRequests(): void;
	close(): Promise<void>;
}

function perFile<S extends Running, O>(
	start: (options: O) => Promise<S>,
	options: O & PerFile<S>,
): S {
	const { reset = 'records', setup, ...sandboxOptions } = options;
	let current: S | undefined;
	let teardown: Teardown | void;
	beforeAll(async () => {
		current = await start(sandboxOptions as O);
		teardown = await setup?.(current);
	});
	afterAll(async () => {
		try {
			await teardown?.();
		} finally {
			await current?.close();
		}
	});
	beforeEach(() => {
		if (reset === 'records') current?.store.clear();
		if (reset !== 'none') current?.clearRequests();
	});
	return new Proxy({} as S, {
		get(_target, key) {
			if (!current) throw new Error('The sandbox starts in beforeAll; use it inside tests');
			const value = current[key as keyof S];
			return typeof value === 'function' ? value.bind(current) : value;
		},
	});
}

/**
 * Starts an Apideck sandbox for the test file (or the describe block it is called in), closed
 * after it. The returned object stands for the running sandbox once tests start.
 */
export function useSandbox(options: UseSandboxOptions = {}): Sandbox {
	return perFile(startSandbox, options);
}

/** The same for a Truto sandbox (seeded again by `setup` or `seed: true` as the file needs). */
export function useTruto(options: UseTrutoOptions = {}): TrutoSandbox {
	return perFile(startTrutoSandbox, options);
}
