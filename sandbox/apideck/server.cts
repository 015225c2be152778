import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiError } from './errors.cjs';
import { faultResponse, type Faults } from './faults.cjs';
import { parseQuery } from './query.cjs';
import { RateLimiter } from './rate-limit.cjs';
import type { RecordedRequest, SandboxResponse } from './types.cjs';

export interface ServerDeps {
	requests: RecordedRequest[];
	faults: Faults;
	limiter: RateLimiter;
	latencyMs: () => number;
	route: (req: RecordedRequest) => Promise<SandboxResponse>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function parseBody(text: string): unknown {
	if (text === '') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

async function record(req: IncomingMessage): Promise<RecordedRequest> {
	const url = req.url ?? '/';
	const q = url.indexOf('?');
	const rawQuery = q === -1 ? '' : url.slice(q + 1);
	return {
		method: (req.method ?? 'GET').toUpperCase(),
		path: q === -1 ? url : url.slice(0, q),
		rawQuery,
		query: parseQuery(rawQuery),
		headers: { ...req.headers },
		body: parseBody(await readBody(req)),
		at: Date.now(),
	};
}

/** Order: record → rate limit → queued fault → auth and route. */
async function respond(
	deps: ServerDeps,
	req: RecordedRequest,
): Promise<{ response?: SandboxResponse; delay: number }> {
	let delay = deps.latencyMs();
	const limited = deps.limiter.check();
	if (limited) return { response: limited, delay };

	const fault = deps.faults.take(req.method, req.path, (kind) => kind !== 'repeatCursor');
	if (fault?.kind === 'slow') delay += fault.ms;
	const processedFirst = fault && 'processed' in fault && fault.processed;
	if (fault && fault.kind !== 'slow' && !processedFirst)
		return { response: faultResponse(fault), delay };

	let response: SandboxResponse;
	try {
		response = await deps.route(req);
	} catch (error) {
		response = apiError(
			500,
			'UnexpectedServerError',
			'Sandbox bug',
			String((error as Error)?.stack ?? error),
		);
	}
	if (fault && fault.kind !== 'slow') return { response: faultResponse(fault), delay };
	return { response, delay };
}

function write(res: ServerResponse, response: SandboxResponse) {
	const body =
		typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
	res.writeHead(response.status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(body),
		'x-apideck-request-id': randomUUID(),
		...response.headers,
	});
	res.end(body);
}

export async function listen(
	deps: ServerDeps,
	port = 0,
): Promise<{ server: Server; port: number }> {
	const server = createServer((req, res) => {
		void (async () => {
			const recorded = await record(req);
			deps.requests.push(recorded);
			const { response, delay } = await respond(deps, recorded);
			if (delay > 0) await sleep(delay);
			if (!response) {
				// hangUp fault: the client sees the connection drop without a response.
				req.socket.destroy();
				return;
			}
			write(res, response);
		})().catch((error) => {
			if (!res.headersSent)
				write(res, apiError(500, 'UnexpectedServerError', 'Sandbox bug', String(error)));
		});
	});
	server.keepAliveTimeout = 1000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	return { server, port: (server.address() as AddressInfo).port };
}
