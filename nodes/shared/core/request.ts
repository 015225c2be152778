import type { IDataObject, IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { checkBaseUrl, secretProblem } from './connection';
import { redirectError, responseError } from './errors';
import { headerValue } from './headers';
import { networkError } from './network';
import { takeTurn } from './pacing';
import { encodeQuery } from './query';
import { receive } from './receive';
import { redact, redactValue } from './redact';
import type { RetryPolicy } from './retry';
import { backoffMs, DEFAULT_RETRY_POLICY, isRetryable, mayHaveHappened } from './retry';
import type { ApiFunctions, ApiRequest, Backend } from './types';
import { doneByEarlierAttempt, outcomeUnknown } from './uncertain';

const DEFAULT_TIMEOUT_MS = 60_000;

type Outcome =
	| { kind: 'ok'; headers: IDataObject; body: unknown }
	| { kind: 'status'; statusCode: number; headers: IDataObject; body: unknown }
	| { kind: 'redirect'; statusCode: number; location?: string }
	| { kind: 'network'; error: Error };

function parseBody(text: string): { ok: true; value: unknown } | { ok: false } {
	if (text.trim() === '') return { ok: true, value: {} };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

async function send(
	ctx: ApiFunctions,
	credentialName: string,
	options: IHttpRequestOptions,
	timeoutMs: number,
): Promise<Outcome> {
	const received = await receive(
		() => ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialName, options),
		timeoutMs,
	);
	if (received.kind === 'network') return received;
	const { statusCode, headers, text } = received;
	if (statusCode >= 300 && statusCode < 400) {
		return { kind: 'redirect', statusCode, location: headerValue(headers, 'location') };
	}
	const parsed = parseBody(text);
	if (statusCode >= 200 && statusCode < 300 && parsed.ok) {
		return { kind: 'ok', headers, body: parsed.value };
	}
	return {
		kind: 'status',
		// A 2xx whose body is not JSON is as useless as a 502: treat it like one.
		statusCode: statusCode < 300 ? 502 : statusCode,
		headers,
		// An empty error body stays empty text, so the error says "empty" rather than quote {}.
		body: text.trim() === '' ? '' : parsed.ok ? parsed.value : text,
	};
}

/** The checked Base URL, or an error that says what is wrong with the credential. */
function checkConnection(
	node: INode,
	backend: Pick<Backend, 'name' | 'secretLabel'>,
	connection: { baseUrl: string; secret: string | readonly string[] },
	itemIndex?: number,
): string {
	const secrets = typeof connection.secret === 'string' ? [connection.secret] : connection.secret;
	const label = `${backend.name} ${backend.secretLabel ?? 'API key'}`;
	const secretIssue = secrets.map((secret) => secretProblem(secret, label)).find(Boolean);
	if (secretIssue) {
		throw new NodeOperationError(node, secretIssue, {
			itemIndex,
			description: `Open the ${backend.name} credential and enter the ${label} exactly as ${backend.name} shows it.`,
		});
	}
	const baseUrl = checkBaseUrl(connection.baseUrl);
	if (!baseUrl.ok) {
		throw new NodeOperationError(
			node,
			redact(
				`The Base URL of the ${backend.name} credential is not usable: ${baseUrl.problem}`,
				secrets,
			),
			{ itemIndex, description: `Fix the Base URL in the ${backend.name} credential.` },
		);
	}
	return baseUrl.value;
}

/**
 * One attempt in the run's pace: it waits for its turn, then tells the pace how it was answered
 * (status, its rate-limit headers as the backend reads them) and returns the wait before a retry:
 * what the API asked for, else `backoff`.
 */
async function paced(
	ctx: ApiFunctions,
	backend: Pick<Backend, 'waitMs' | 'rateLimit'>,
	method: string,
	backoff: number,
	attempt: () => Promise<Outcome>,
): Promise<{ outcome: Outcome; delay: number }> {
	const turn = await takeTurn(ctx, method);
	let outcome: Outcome | undefined;
	try {
		outcome = await attempt();
	} finally {
		// Thrown (not a failed answer): free the place, and count it as no answer.
		if (!outcome) turn.done({});
	}
	if (outcome.kind === 'network' || outcome.kind === 'redirect') {
		turn.done({ statusCode: outcome.kind === 'redirect' ? outcome.statusCode : undefined });
		return { outcome, delay: backoff };
	}
	const now = Date.now();
	const statusCode = outcome.kind === 'status' ? outcome.statusCode : 200;
	const asked = outcome.kind === 'status' ? backend.waitMs(outcome.headers, now) : undefined;
	const delay = asked ?? backoff;
	const rateLimit = backend.rateLimit?.(outcome.headers, now);
	turn.done({ statusCode, waitMs: statusCode === 429 ? delay : undefined, rateLimit });
	return { outcome, delay };
}

/**
 * Sends one request with the backend's credential, retrying rate limits and transient failures
 * within the policy's bounds, and returns the parsed JSON body.
 */
export async function sendRequest<T, Request extends ApiRequest>(
	ctx: ApiFunctions,
	backend: Backend<Request>,
	request: Request,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<T> {
	const connection = await backend.connection(ctx);
	const secrets = connection.secret;
	const baseUrl = checkConnection(ctx.getNode(), backend, connection, request.itemIndex);
	const query = encodeQuery(request.query, backend.queryArrays);
	const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}${query ? `?${query}` : ''}`,
		headers: { accept: 'application/json', ...backend.headers?.(request) },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// Read as a stream so that receive() can bound the whole answer, not only silences.
		encoding: 'stream',
		timeout: timeoutMs,
		// A redirect would carry the credential (and a create's body) to another host.
		disableFollowRedirect: true,
	};
	if (request.body !== undefined) options.body = request.body;
	const failure = (attempts: number, note?: string) => ({
		method: request.method,
		path: request.path,
		attempts,
		itemIndex: request.itemIndex,
		secrets,
		baseUrl,
		note,
	});

	let waited = 0;
	let uncertain = false;
	for (let attempt = 1; ; attempt++) {
		const { outcome, delay } = await paced(
			ctx,
			backend,
			request.method,
			backoffMs(policy, attempt),
			() => send(ctx, backend.credentialName, options, timeoutMs),
		);
		if (outcome.kind === 'ok') return outcome.body as T;
		if (outcome.kind === 'redirect') {
			throw redirectError(ctx.getNode(), backend.name, outcome, failure(attempt));
		}

		const statusCode = outcome.kind === 'status' ? outcome.statusCode : undefined;
		if (uncertain && outcome.kind === 'status' && doneByEarlierAttempt(backend, request, outcome))
			return {} as T;
		uncertain ||= outcomeUnknown(statusCode);
		const final = outcome.kind === 'status' && backend.isFinal?.(outcome, request) === true;
		const canRetry =
			!final &&
			isRetryable(request.method, statusCode) &&
			attempt < policy.maxAttempts &&
			waited + delay <= policy.maxTotalWaitMs;
		if (canRetry) {
			waited += delay;
			await sleep(delay);
			continue;
		}

		const context = failure(
			attempt,
			[
				!final && isRetryable(request.method, statusCode) && attempt < policy.maxAttempts
					? `Stopped retrying: waiting another ${Math.ceil(delay / 1000)} s would exceed the ${Math.round(policy.maxTotalWaitMs / 1000)} s retry budget.`
					: '',
				mayHaveHappened(request.method, statusCode)
					? `${backend.name} may have carried out this request before it failed: check whether the record exists before running again.`
					: '',
			]
				.filter(Boolean)
				.join('\n'),
		);
		if (outcome.kind === 'network') {
			throw networkError(ctx.getNode(), backend.name, outcome.error, context);
		}
		// The backend reads an answer with the secrets already taken out: an excerpt it cuts
		// can then not end in part of one.
		const answer = redactValue(
			{ statusCode: outcome.statusCode, headers: outcome.headers, body: outcome.body },
			secrets,
		);
		throw responseError(ctx.getNode(), answer, backend.describeFailure(answer, request), context);
	}
}
