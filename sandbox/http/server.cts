import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorShaper } from './error-shaper.cjs';
import type { Faults } from './faults.cjs';
import { parseQuery } from './query.cjs';
import type { RateLimiter } from './rate-limit.cjs';
import type { RecordedRequest, SandboxResponse } from './types.cjs';

export interface ServerDeps {
	requests: RecordedRequest[];
	faults: Pick<Faults, 'take' | 'response'>;
	limiter: RateLimiter;
	latencyMs: () => number;
	/** Words the errors of the limiter and of sandbox bugs, and names the request id header. */
	shaper: Pick<ErrorShaper, 'limitExceeded' | 'unexpected' | 'requestIdHeader'>;
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
	if (limited) {
		const { limit = 0, windowMs } = deps.limiter;
		return { response: deps.shaper.limitExceeded({ limit, windowMs, ...limited }), delay };
	}

	const fault = deps.faults.take(req.method, req.path, (kind) => kind !== 'repeatCursor');
	if (fault?.kind === 'slow') delay += fault.ms;
	const processedFirst = fault && 'processed' in fault && fault.processed;
	if (fault && fault.kind !== 'slow' && !processedFirst)
		return { response: deps.faults.response(fault), delay };

	let response: SandboxResponse;
	try {
		response = await deps.route(req);
	} catch (error) {
		response = deps.shaper.unexpected(String((error as Error)?.stack ?? error));
	}
	if (fault && fault.kind !== 'slow') return { response: deps.faults.response(fault), delay };
	return { response, delay };
}

function write(res: ServerResponse, response: SandboxResponse, requestIdHeader?: string) {
	const body =
		typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
	res.writeHead(response.status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(body),
		...(requestIdHeader ? { [requestIdHeader]: randomUUID() } : {}),
		...response.headers,
	});
	res.end(body);
}

/** A recording HTTP server on 127.0.0.1 with latency, a rate limiter and queued faults. */
export async function listen(
	deps: ServerDeps,
	port = 0,
): Promise<{ server: Server; port: number }> {
	const idHeader = deps.shaper.requestIdHeader;
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
			write(res, response, idHeader);
		})().catch((error) => {
			if (!res.headersSent) write(res, deps.shaper.unexpected(String(error)), idHeader);
		});
	});
	server.keepAliveTimeout = 1000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	return { server, port: (server.address() as AddressInfo).port };
}

/** Closes the server after `before` (e.g. waiting for webhook deliveries), dropping idle sockets. */
export async function closeServer(server: Server, before?: () => Promise<void>): Promise<void> {
	await before?.();
	await new Promise<void>((resolve) => {
		server.close(() => resolve());
		server.closeAllConnections();
	});
}
