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
