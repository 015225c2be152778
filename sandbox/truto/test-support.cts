// Test helpers: a fresh sandbox per test, and plain HTTP calls to it with its token and an
// integrated account.
import { closeReceivers } from '../http/test-receiver.cjs';
import { startTrutoSandbox, type TrutoSandbox, type TrutoSandboxOptions } from './index.cjs';

// Answers are read deep inside assertions; their shape is what the tests check.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

export interface CallInit {
	method?: string;
	body?: unknown;
	headers?: Record<string, string>;
	/** false: no Authorization header. */
	auth?: boolean;
}

export function client(sandbox: () => TrutoSandbox) {
	async function call(path: string, init: CallInit = {}) {
		const headers: Record<string, string> = {
			...(init.auth === false ? {} : { authorization: `Bearer ${sandbox().token}` }),
			...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
			...init.headers,
		};
		const res = await fetch(`${sandbox().url}${path}`, {
			method: init.method ?? 'GET',
			headers,
			body:
				init.body === undefined
					? undefined
					: typeof init.body === 'string'
						? init.body
						: JSON.stringify(init.body),
		});
		const text = await res.text();
		let json: Json | undefined;
		try {
			json = JSON.parse(text) as Json;
		} catch {
			json = undefined;
		}
		return { status: res.status, headers: res.headers, text, json: json as Json };
	}

	/** A unified call for an integrated account (key or id); `query` is appended as it is. */
	function unified(account: string, path: string, init: CallInit & { query?: string } = {}) {
		const id = sandbox().accounts.id(account);
		const extra = init.query ? `&${init.query}` : '';
		return call(`/unified/crm/${path}?integrated_account_id=${id}${extra}`, init);
	}

	/** The first record a list answers. */
	const first = async (account: string, resource: string): Promise<Json> =>
		(await unified(account, resource, { query: 'limit=1' })).json.result[0];

	return { call, unified, first };
}

/**
 * Starts a sandbox with `options` before each test (handing it to `onStart`) and closes it, and
 * any test receiver, after each; restart() swaps in one with other options.
 */
export function useTrutoSandbox(
	options: TrutoSandboxOptions,
	onStart: (sandbox: TrutoSandbox) => void = () => undefined,
) {
	let current: TrutoSandbox;
	const start = async (o: TrutoSandboxOptions) => {
		current = await startTrutoSandbox(o);
		onStart(current);
	};
	beforeEach(() => start(options));
	afterEach(async () => {
		await current.close();
		await closeReceivers();
	});
	return {
		...client(() => current),
		restart: async (o: TrutoSandboxOptions) => {
			await current.close();
			await start(o);
		},
	};
}
