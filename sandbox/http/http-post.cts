import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface PostResult {
	/** HTTP status, or 0 when no response arrived (refused, reset, timed out). */
	status: number;
	body: string;
	error?: string;
}

/** Minimal outgoing POST used for webhook validations and deliveries. */
export function postJson(
	url: string,
	body: string,
	headers: Record<string, string>,
	timeoutMs: number,
): Promise<PostResult> {
	return new Promise((resolve) => {
		let target: URL;
		try {
			target = new URL(url);
		} catch {
			resolve({ status: 0, body: '', error: `Invalid URL ${url}` });
			return;
		}
		const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
		const req = send(
			target,
			{
				method: 'POST',
				headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
				timeout: timeoutMs,
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
				);
				res.on('error', (e) => resolve({ status: 0, body: '', error: e.message }));
			},
		);
		req.on('timeout', () => req.destroy(new Error(`No response within ${timeoutMs} ms`)));
		req.on('error', (e) => resolve({ status: 0, body: '', error: e.message }));
		req.end(body);
	});
}
