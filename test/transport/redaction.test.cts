/**
 * An API (or a proxy in front of it) that repeats the request back in its error answer must not
 * make the key appear anywhere: not as sent, not JSON-escaped, URL-encoded or base64-encoded
 * (alone or inside `Basic base64(user:key)`), not in the body and not in a header shown.
 */
import { redact } from '../../nodes/shared/core/redact';
import type { RecordedRequest } from '../../sandbox/apideck/index.cjs';
import { probe } from '../helpers/probe.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';

/** Characters that JSON, URLs and base64 each write differently. */
const KEY = 'sk_live/9f+"quoted"\\back=slash?&';

const sandbox = useSandbox({ apiKey: KEY, reset: 'requests' });
beforeEach(() => sandbox.faults.clear());

const b64 = (text: string) => Buffer.from(text).toString('base64');
const b64url = (text: string) => Buffer.from(text).toString('base64url');

/** An error answer that repeats the Authorization header back in every encoding. */
function echo(req: RecordedRequest) {
	const sent = String(req.headers.authorization);
	return {
		status: 400,
		headers: { 'x-apideck-request-id': `echo-${b64(sent)}` },
		body: {
			status_code: 400,
			type_name: 'RequestValidationError',
			message: `Header not accepted: ${sent}`,
			detail: {
				as_json: JSON.stringify({ authorization: sent }),
				url_encoded: encodeURIComponent(sent),
				url_encoded_lower: encodeURIComponent(KEY).toLowerCase(),
				base64: b64(KEY),
				bearer_base64: b64(sent),
				basic: `Basic ${b64(`someone:${KEY}`)}`,
				base64url: b64url(`x${KEY}`),
			},
		},
	};
}

/** Every base64-looking run decoded, at every alignment, so that a key hidden in one is found. */
function decodedRuns(text: string): string {
	const runs = text.match(/[A-Za-z0-9+/_-]{12,}/g) ?? [];
	return runs
		.flatMap((run) => [0, 1, 2, 3].map((skip) => run.slice(skip)))
		.map((run) =>
			Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1'),
		)
		.join('\n');
}

const shown = (result: Awaited<ReturnType<typeof probe>>) =>
	JSON.stringify({
		message: result.error?.message,
		description: result.error?.description,
		error: result.error,
		run: result.run,
	});

test('a key echoed back in any encoding never appears in the error or the run', async () => {
	sandbox.faults.answer({ respond: echo });
	const result = await probe(sandbox, { method: 'POST', path: '/crm/leads', body: { name: 'x' } });
	expect(result.error?.message).toMatch(/^Apideck rejected the request as invalid/);
	const text = shown(result);
	expect(text).toContain('[redacted]');
	for (const form of [
		KEY,
		JSON.stringify(KEY).slice(1, -1),
		encodeURIComponent(KEY),
		encodeURIComponent(KEY).toLowerCase(),
		b64(KEY),
		b64url(`x${KEY}`),
	]) {
		expect(text).not.toContain(form);
	}
	expect(decodedRuns(text)).not.toContain(Buffer.from(KEY).toString('latin1'));
});

test('every secret of a credential is redacted, the longest form first', () => {
	const secrets = ['first-secret-1', 'second-secret-2'];
	const text = `a first-secret-1 b ${b64('u:second-secret-2')} c ${encodeURIComponent('first-secret-1')}`;
	const out = redact(text, secrets);
	expect(out).not.toContain('first-secret-1');
	expect(decodedRuns(out)).not.toContain('second-secret-2');
	expect(out.startsWith('a [redacted] b ')).toBe(true);
});
