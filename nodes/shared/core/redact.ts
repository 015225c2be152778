/** Secrets shorter than this are refused before any request (see connection.ts), not redacted. */
export const MIN_SECRET_LENGTH = 8;

const REDACTED = '[redacted]';

function base64(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary);
}

/**
 * The base64 characters that stand for the secret alone, wherever it sits in a longer encoded
 * text (as in `Basic base64(user:key)`): one run per alignment of its first byte, without the
 * characters it shares with its neighbours.
 */
function base64Runs(secret: string): string[] {
	const bytes = new TextEncoder().encode(secret);
	const runs: string[] = [];
	for (let offset = 0; offset < 3; offset++) {
		const padded = new Uint8Array(offset + bytes.length);
		padded.set(bytes, offset);
		const encoded = base64(padded).replace(/=+$/, '');
		const first = Math.ceil((offset * 8) / 6);
		const end = Math.floor(((offset + bytes.length) * 8) / 6);
		runs.push(encoded.slice(first, end));
	}
	return runs;
}

/** Every way the secret may be written in a body or a header echoed back. */
function forms(secret: string): string[] {
	const json = JSON.stringify(secret).slice(1, -1);
	const url = encodeURIComponent(secret);
	const runs = base64Runs(secret);
	return [
		secret,
		json,
		url,
		url.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
		url.replace(/%20/g, '+'),
		...runs,
		...runs.map((run) => run.replace(/\+/g, '-').replace(/\//g, '_')),
	];
}

type Secrets = string | readonly string[] | undefined;

/**
 * A function that replaces every secret as it is and JSON-escaped, URL-encoded or
 * base64-encoded. Longer forms go first, so that a form containing a shorter one goes whole.
 */
function redactor(secrets: Secrets): (text: string) => string {
	const list = (typeof secrets === 'string' ? [secrets] : (secrets ?? [])).filter(
		(secret) => secret.length >= MIN_SECRET_LENGTH,
	);
	const all = [...new Set(list.flatMap(forms))]
		.filter((form) => form.length >= MIN_SECRET_LENGTH)
		.sort((a, b) => b.length - a.length);
	return (text) => {
		let out = text;
		for (const form of all) if (out.includes(form)) out = out.split(form).join(REDACTED);
		return out;
	};
}

export function redact(text: string, secrets: Secrets): string {
	return text ? redactor(secrets)(text) : text;
}

const MAX_DEPTH = 32;

/**
 * The value with every secret redacted in its strings and keys, each in its decoded form (so a
 * key JSON-escaped inside a string inside JSON is found too).
 */
export function redactValue<T>(value: T, secrets: Secrets): T {
	const clean = redactor(secrets);
	const walk = (v: unknown, depth: number): unknown => {
		if (typeof v === 'string') return clean(v);
		if (!v || typeof v !== 'object') return v;
		if (depth >= MAX_DEPTH) return clean(JSON.stringify(v));
		if (Array.isArray(v)) return v.map((entry) => walk(entry, depth + 1));
		const out: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(v)) out[clean(key)] = walk(entry, depth + 1);
		return out;
	};
	return walk(value, 0) as T;
}
