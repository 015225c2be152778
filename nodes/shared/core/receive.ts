import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/** What one attempt brought back: the whole answer as text, or why there is none. */
export type Received =
	| { kind: 'answer'; statusCode: number; headers: IDataObject; text: string }
	| { kind: 'network'; error: Error };

interface BodyStream {
	[Symbol.asyncIterator](): AsyncIterator<unknown>;
	destroy(): void;
}

const TIMED_OUT = Symbol('timed out');
type Deadline = Promise<typeof TIMED_OUT | undefined>;

/** The attempt took longer than its timeout, the body included. Its code is the one Node uses. */
export class AnswerTimeout extends Error {
	readonly code = 'ETIMEDOUT';

	constructor(readonly timeoutMs: number) {
		super(`No complete answer within ${timeoutMs} ms`);
	}
}

const isStream = (body: unknown): body is BodyStream =>
	!!body &&
	typeof body === 'object' &&
	typeof (body as BodyStream)[Symbol.asyncIterator] === 'function' &&
	typeof (body as BodyStream).destroy === 'function';

const discard = (body: unknown) => {
	if (isStream(body)) body.destroy();
};

/** Reads a streamed body to the end, or gives up (closing the connection) at the deadline. */
async function readText(body: unknown, deadline: Deadline): Promise<string | typeof TIMED_OUT> {
	if (typeof body === 'string') return body;
	if (!isStream(body)) return body === undefined || body === null ? '' : JSON.stringify(body);
	const decoder = new TextDecoder();
	const chunks = body[Symbol.asyncIterator]();
	let text = '';
	for (;;) {
		const pending = chunks.next();
		const next = await Promise.race([pending, deadline]);
		if (next === TIMED_OUT) {
			pending.catch(() => undefined);
			body.destroy();
			return TIMED_OUT;
		}
		if (!next || next.done) return text + decoder.decode();
		const chunk = next.value;
		text +=
			typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
	}
}

/**
 * Sends one attempt and waits for its whole answer for at most `timeoutMs`: the HTTP client's
 * own timeout only notices a connection that stays silent, so a body trickling in one byte at
 * a time would hold the node for as long as the server likes. n8n replaces a request's
 * abortSignal with the execution's own, so the body is read as a stream and closed here.
 */
export async function receive(send: () => Promise<unknown>, timeoutMs: number): Promise<Received> {
	const stop = new AbortController();
	const deadline: Deadline = sleep(timeoutMs, stop.signal).then(
		() => TIMED_OUT,
		() => undefined,
	);
	const timedOut = (): Received => ({ kind: 'network', error: new AnswerTimeout(timeoutMs) });
	try {
		const request = send();
		const response = await Promise.race([request, deadline]);
		if (response === TIMED_OUT) {
			request.then(
				(late) => discard((late as IN8nHttpFullResponse).body),
				() => undefined,
			);
			return timedOut();
		}
		const { statusCode, headers, body } = response as IN8nHttpFullResponse;
		const text = await readText(body, deadline);
		if (text === TIMED_OUT) return timedOut();
		return { kind: 'answer', statusCode, headers: (headers ?? {}) as IDataObject, text };
	} catch (error) {
		return { kind: 'network', error: error as Error };
	} finally {
		stop.abort();
	}
}
