/**
 * Captures everything a run says so the API key can be searched for: node output items, errors
 * (every own property, non-enumerable ones such as message and stack included, and their causes),
 * node descriptions, n8n's LoggerProxy, console and process stdout/stderr; n8n-core's logger
 * writes to a file instead (n8nCoreLog()).
 * Captured output is swallowed, not printed. The secret is searched for as given, URL-encoded
 * and base64-encoded.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { LoggerProxy } from 'n8n-workflow';

export const SECRET = `rel-${randomBytes(12).toString('hex')}-key`;

const chunks: string[] = [];
let bytes = 0;

function add(text: string) {
	chunks.push(text);
	bytes += text.length;
}

/** Walks any value (errors, IRun, items) into text; cycles and depth are bounded. */
export function textOf(value: unknown): string {
	const out: string[] = [];
	const seen = new WeakSet<object>();
	const walk = (v: unknown, depth: number) => {
		if (v === null || v === undefined) return;
		if (typeof v === 'string') return void out.push(v);
		if (typeof v !== 'object') return void out.push(String(v));
		if (Buffer.isBuffer(v)) return void out.push(v.toString('utf8'));
		if (seen.has(v) || depth > 14) return;
		seen.add(v);
		for (const key of Object.getOwnPropertyNames(v)) {
			out.push(key);
			let child: unknown;
			try {
				child = (v as Record<string, unknown>)[key];
			} catch {
				continue;
			}
			if (typeof child !== 'function') walk(child, depth + 1);
		}
	};
	walk(value, 0);
	return out.join('\n');
}

export function capture(label: string, value: unknown): void {
	add(`${label}\n${textOf(value)}`);
}

export function occurrences(secret: string, haystack = chunks.join('\n')): number {
	const forms = [
		...new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')]),
	];
	return forms.reduce((sum, form) => sum + haystack.split(form).length - 1, 0);
}

export const capturedBytes = () => bytes;

/** What n8n-core's own logger wrote so far (support/setup-env.cjs sends it to a file). */
export function n8nCoreLog(): string {
	const file = process.env.N8N_LOG_FILE_LOCATION;
	return file && existsSync(file) ? readFileSync(file, 'utf8') : '';
}

let installed = false;

/** Routes n8n's loggers, console and stdout/stderr into the capture. Call after importing the engine. */
export function installCapture(): void {
	if (installed) return;
	installed = true;
	const log =
		(level: string) =>
		(message: string, meta?: unknown): void =>
			add(`[LoggerProxy ${level}] ${message} ${textOf(meta)}`);
	LoggerProxy.init({
		error: log('error'),
		warn: log('warn'),
		info: log('info'),
		debug: log('debug'),
		verbose: log('verbose'),
	} as never);
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		jest
			.spyOn(console, method)
			.mockImplementation((...args: unknown[]) => add(`[console.${method}] ${textOf(args)}`));
	}
	for (const stream of [process.stdout, process.stderr]) {
		const name = stream === process.stdout ? 'stdout' : 'stderr';
		jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown) => {
			add(`[${name}] ${typeof chunk === 'string' ? chunk : textOf(chunk)}`);
			return true;
		}) as never);
	}
}

/** Puts console and stdout/stderr back (jest prints its report through them in-band). */
export function releaseCapture(): void {
	jest.restoreAllMocks();
	installed = false;
}
