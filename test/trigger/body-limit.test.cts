/**
 * CRM events are small. A body over 256 KB is refused with 413 before the trigger parses,
 * canonicalises or hashes it, whether or not it is signed and however it is sent.
 */
import { request } from 'node:http';

import type { TriggerHost } from '../helpers/trigger-host.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';
import { activeHostFor, deliverOnce, leadCreated } from './fixtures.cjs';

const LIMIT = 256 * 1024;
const sandbox = useSandbox();
let host: TriggerHost;

beforeAll(async () => {
	host = await activeHostFor(sandbox, {});
});
afterAll(async () => {
	await host.close();
});

/** A delivery body of about `bytes` bytes: a genuine event with a padding field. */
function paddedBody(bytes: number): string {
	const payload = { ...leadCreated(), padding: '' };
	const base = Buffer.byteLength(JSON.stringify({ payload }));
	return JSON.stringify({ payload: { ...payload, padding: 'x'.repeat(bytes - base) } });
}

/** POSTs the body in chunks without a content-length, as a streaming client would. */
function postChunked(body: string, headers: Record<string, string>): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = request(host.webhookUrl, { method: 'POST', headers }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', reject);
		for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.slice(at, at + 64 * 1024));
		req.end();
	});
}

it('answers 413 to a signed delivery over the limit and starts nothing', async () => {
	const before = host.executions.length;
	const result = await deliverOnce(sandbox, host, leadCreated(), {
		rawBody: paddedBody(LIMIT + 1),
	});
	expect(result.status).toBe(413);
	expect(JSON.parse(result.body).message).toMatch(/256 KB/);
	expect(host.executions.length - before).toBe(0);
});

it('refuses before it checks the signature: an unsigned big body gets 413, not 401', async () => {
	const deep = `${'['.repeat(150_000)}${']'.repeat(150_000)}`;
	const result = await deliverOnce(sandbox, host, leadCreated(), {
		rawBody: deep,
		omitSignature: true,
		headers: { 'x-apideck-signature': 'a'.repeat(64) },
	});
	expect(result.status).toBe(413);
});

it('measures the body itself when no content-length is sent', async () => {
	const before = host.executions.length;
	const { body, headers } = sandbox.webhooks.buildDelivery(leadCreated(), {
		rawBody: paddedBody(LIMIT + 1),
	});
	expect(await postChunked(body, headers)).toBe(413);
	await host.idle();
	expect(host.executions.length - before).toBe(0);
});

it('still takes a genuine delivery just under the limit', async () => {
	const before = host.executions.length;
	const result = await deliverOnce(sandbox, host, leadCreated(), { rawBody: paddedBody(LIMIT) });
	expect(result.status).toBe(200);
	expect(host.executions.length - before).toBe(1);
});
