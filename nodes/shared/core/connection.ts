import { MIN_SECRET_LENGTH } from './redact';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export type Checked = { ok: true; value: string } | { ok: false; problem: string };

/**
 * The Base URL every request starts with, without trailing slashes; or what is wrong with it.
 * It must use https (http only on this machine), and have no query, fragment or user name:
 * anything after `?` or `#` would swallow the path of every request.
 */
export function checkBaseUrl(raw: string): Checked {
	const text = raw.trim();
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return { ok: false, problem: `"${text}" is not a URL; it should look like https://host/path.` };
	}
	if (text.includes('?') || text.includes('#')) {
		return {
			ok: false,
			problem:
				'it contains "?" or "#", which would cut off the path of every request. Remove the query or fragment.',
		};
	}
	if (url.username || url.password) {
		return {
			ok: false,
			problem: 'it contains a user name or password; put secrets in the credential fields only.',
		};
	}
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
		return {
			ok: false,
			problem: `it must start with https:// (http:// is accepted only for localhost, 127.0.0.1 and [::1]), not ${url.protocol}//.`,
		};
	}
	return { ok: true, value: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}

/** What is wrong with a credential's secret, when it is missing or too short to be real. */
export function secretProblem(secret: string, label: string): string | undefined {
	if (!secret) return `The ${label} is empty.`;
	if (secret.length < MIN_SECRET_LENGTH) {
		return `The ${label} is only ${secret.length} characters long; a real one has at least ${MIN_SECRET_LENGTH}. Paste the whole ${label} into the credential.`;
	}
	return undefined;
}

/**
 * What makes a credential unusable before anything is sent: its secret, then its Base URL.
 * Credentials check this in authenticate(), which runs for their test request too.
 */
export function credentialProblem(
	secret: string,
	label: string,
	baseUrl: string,
): string | undefined {
	const problem = secretProblem(secret, label);
	if (problem) return problem;
	const checked = checkBaseUrl(baseUrl);
	return checked.ok ? undefined : `The Base URL is not usable: ${checked.problem}`;
}

const responseCodeRule = (value: number, message: string) => ({
	type: 'responseCode' as const,
	properties: { value, message },
});

/** Credential test rules: the message the test shows for each status code it may be answered. */
export const responseCodeRules = (messages: Record<number, string>) =>
	Object.entries(messages).map(([value, message]) => responseCodeRule(Number(value), message));

/** Credential test rules for a Base URL that redirects: the test does not follow it. */
export const redirectRules = (label: string) =>
	[301, 302, 303, 307, 308].map((value) =>
		responseCodeRule(
			value,
			`The Base URL redirects elsewhere; the test does not follow it, so the ${label} stays here. Enter the address the API really answers at.`,
		),
	);
