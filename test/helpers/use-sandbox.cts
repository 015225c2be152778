import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/apideck/index.cjs';

export interface UseSandboxOptions extends SandboxOptions {
	/**
	 * What is emptied before every test: the records and the request log (the default), only the
	 * request log (for files that seed once), or nothing.
	 */
	reset?: 'records' | 'requests' | 'none';
	/**
	 * Runs once the sandbox is up (seed records, start a trigger host, …); what it returns runs
	 * after the file's tests, before the sandbox closes.
	 */
	setup?: (sandbox: Sandbox) => Promise<Teardown | void> | Teardown | void;
}

type Teardown = () => Promise<void> | void;

/**
 * Starts a sandbox for the test file (or the describe block it is called in), closed after it.
 * The returned object stands for the running sandbox once tests start.
 */
export function useSandbox(options: UseSandboxOptions = {}): Sandbox {
	const { reset = 'records', setup, ...sandboxOptions } = options;
	let current: Sandbox | undefined;
	let teardown: Teardown | void;
	beforeAll(async () => {
		current = await startSandbox(sandboxOptions);
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
	return new Proxy({} as Sandbox, {
		get(_target, key) {
			if (!current) throw new Error('The sandbox starts in beforeAll; use it inside tests');
			const value = current[key as keyof Sandbox];
			return typeof value === 'function' ? value.bind(current) : value;
		},
	});
}
