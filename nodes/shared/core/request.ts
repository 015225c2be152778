import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { networkError, responseError } from './errors';
import { pauseRequests, waitForTurn } from './pacing';
import { encodeQuery } from './query';
import type { RetryPolicy } from './retry';
import { backoffMs, DEFAULT_RETRY_POLICY, isRetryable, mayHaveHappened } from './retry';
import type { ApiFunctions, ApiRequest, Backend } from './types';

const DEFAULT_TIMEOUT_MS = 60_000;

type Outcome =
	| { kind: 'ok'; body: unknown }
	| { kind: 'status'; statusCode: number; headers: IDataObject; body: unknown }
	| { kind: 'network'; error: Error };

function parseBody(body: unknown): { ok: true; value: unknown } | { ok: false } {
	if (typeof body !== 'string') return { ok: true, value: body ?? {} };
	if (body.trim() === '') return { ok: true, value: {} };
	try {
		return { ok: true, value: JSON.parse(body) };
	} catch {
		return { ok: false };
	}
}

async function send(
	ctx: ApiFunctions,
	credentialName: string,
	options: IHttpRequestOptions,
): Promise<Outcome> {
	let response: IN8nHttpFullResponse;
	try {
		response = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			credentialName,
			options,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		return { kind: 'network', error: error as Error };
	}
	const headers = (response.headers ?? {}) as IDataObject;
	const parsed = parseBody(response.body);
	if (response.statusCode >= 200 && response.statusCode < 300 && parsed.ok) {
		return { kind: 'ok', body: parsed.value };
	}
	return {
		kind: 'status',
		// A 2xx whose body is not JSON is as useless as a 502: treat it like one.
		statusCode: response.statusCode < 300 ? 502 : response.statusCode,
		headers,
		body: parsed.ok ? parsed.value : response.body,
	};
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
	const { baseUrl, secret } = await backend.connection(ctx);
	const query = encodeQuery(request.query, backend.queryArrays);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}${query ? `?${query}` : ''}`,
		headers: { accept: 'application/json', ...backend.headers?.(request) },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
	};
	if (request.body !== undefined) options.body = request.body;

	let waited = 0;
	for (let attempt = 1; ; attempt++) {
		await waitForTurn(ctx);
		const outcome = await send(ctx, backend.credentialName, options);
		if (outcome.kind === 'ok') return outcome.body as T;

		const statusCode = outcome.kind === 'status' ? outcome.statusCode : undefined;
		const asked =
			outcome.kind === 'status' ? backend.waitMs(outcome.headers, Date.now()) : undefined;
		const delay = asked ?? backoffMs(policy, attempt);
		const final = outcome.kind === 'status' && backend.isFinal?.(outcome, request) === true;
		const canRetry =
			!final &&
			isRetryable(request.method, statusCode) &&
			attempt < policy.maxAttempts &&
			waited + delay <= policy.maxTotalWaitMs;
		if (canRetry) {
			waited += delay;
			if (statusCode === 429) pauseRequests(ctx, delay);
			await sleep(delay);
			continue;
		}

		const context = {
			method: request.method,
			path: request.path,
			attempts: attempt,
			itemIndex: request.itemIndex,
			secret,
			note: [
				!final && isRetryable(request.method, statusCode) && attempt < policy.maxAttempts
					? `Stopped retrying: waiting another ${Math.ceil(delay / 1000)} s would exceed the ${Math.round(policy.maxTotalWaitMs / 1000)} s retry budget.`
					: '',
				mayHaveHappened(request.method, statusCode)
					? `${backend.name} may have carried out this request before it failed: check whether the record exists before running again.`
					: '',
			]
				.filter(Boolean)
				.join('\n'),
		};
		if (outcome.kind === 'network') {
			throw networkError(ctx.getNode(), backend.name, outcome.error, { ...context, baseUrl });
		}
		throw responseError(ctx.getNode(), outcome, backend.describeFailure(outcome, request), context);
	}
}
