import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/apideck/index.cjs';

/**
 * Starts a sandbox for the test file (closed after it) and empties its records and request log
 * before every test. The returned object stands for the running sandbox once tests start.
 */
export function useSandbox(options: SandboxOptions = {}): Sandbox {
	let current: Sandbox | undefined;
	beforeAll(async () => {
		current = await startSandbox(options);
	});
	afterAll(async () => {
		await current?.close();
	});
	beforeEach(() => {
		current?.store.clear();
		current?.clearRequests();
	});
	return new Proxy({} as Sandbox, {
		get(_target, key) {
			if (!current) throw new Error('The sandbox starts in beforeAll; use it inside tests');
			const value = current[key as keyof Sandbox];
			return typeof value === 'function' ? value.bind(current) : value;
		},
	});
}
