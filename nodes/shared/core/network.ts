import type { IDataObject, INode, NodeApiError } from 'n8n-workflow';

import type { FailureContext } from './errors';
import { closingLines, requestError } from './errors';
import { AnswerTimeout } from './receive';

/** What the codes of Node's network and TLS errors mean, in words. */
const CODE_WORDS: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ENOTFOUND: 'no such host (the DNS lookup found nothing)',
	EAI_AGAIN: 'the DNS lookup failed for now',
	EHOSTUNREACH: 'the host is unreachable',
	ENETUNREACH: 'the network is unreachable',
	ECONNRESET: 'the connection was reset',
	EPIPE: 'the connection was closed while the request was being sent',
	ETIMEDOUT: 'no answer in time',
	ECONNABORTED: 'no answer in time',
	ESOCKETTIMEDOUT: 'no answer in time',
	EPROTO: 'the TLS handshake failed (is it an http:// server?)',
	CERT_HAS_EXPIRED: 'its TLS certificate has expired',
	DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
	SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain is self-signed',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
	UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its TLS certificate cannot be verified',
	ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host name',
};

/** The error and the errors it wraps (n8n wraps the HTTP client's error in its own). */
function chain(error: unknown): IDataObject[] {
	const out: IDataObject[] = [];
	let current = error as IDataObject | undefined;
	while (current && typeof current === 'object' && out.length < 5 && !out.includes(current)) {
		out.push(current);
		current = current.cause as IDataObject | undefined;
	}
	return out;
}

/** For requests that never got an HTTP answer (refused connection, DNS, timeout). */
export function networkError(
	node: INode,
	backendName: string,
	cause: Error,
	context: FailureContext & { baseUrl: string },
): NodeApiError {
	const links = chain(cause);
	const code = links.map((link) => link.code).find((value) => typeof value === 'string') as
		| string
		| undefined;
	const words = code ? CODE_WORDS[code] : undefined;
	const timedOut =
		cause instanceof AnswerTimeout ||
		['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT'].includes(code ?? '') ||
		links.some((link) => /time(d)? ?out/i.test(String(link.message ?? '')));
	const dropped =
		['ECONNRESET', 'EPIPE'].includes(code ?? '') || /socket hang up/i.test(cause.message);
	const request = `${context.method} ${context.path}`;
	const message = timedOut
		? `${backendName} did not answer in time (${request})`
		: dropped
			? `The connection to ${backendName} broke before it answered (${request})`
			: code === 'ECONNREFUSED'
				? `Nothing answers at ${context.baseUrl}: connection refused`
				: `Could not reach ${backendName} at ${context.baseUrl}: ${words ?? code ?? cause.message}`;
	const hint =
		timedOut || dropped
			? `${backendName} or the CRM behind it is slow or unstable right now. Try again later, or raise the Timeout option.`
			: `Check the Base URL in the ${backendName} credential and that this n8n instance can reach it.`;
	const causeLine =
		cause instanceof AnswerTimeout
			? `Cause: the whole answer did not arrive within ${cause.timeoutMs} ms (the Timeout option bounds each attempt, its body included).`
			: `Cause: ${code ? `${code}${words ? ` (${words})` : ''}` : cause.message}`;
	return requestError(
		node,
		// No `code` here: n8n would replace the message with its generic text for that code.
		{ message: cause.message },
		{ message, lines: [causeLine], closing: closingLines(context, hint) },
		context,
	);
}
