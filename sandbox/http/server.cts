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
	shaper: Pick<ErrorShaper, 'limitExceeded' | 'limitHeaders' | 'unexpected' | 'requestIdHeader'>;
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
): Promise<{ response?: SandboxResponse; delay: number; trickleMs?: number }> {
	let delay = deps.latencyMs();
	const limited = deps.limiter.check();
	if (limited) {
		const { limit = 0, windowMs } = deps.limiter;
		return { response: deps.shaper.limitExceeded({ limit, windowMs, ...limited }), delay };
	}
	const window = deps.limiter.state();
	const announced = window && deps.shaper.limitHeaders?.(window);
	const announce = (response: SandboxResponse): SandboxResponse =>
		announced ? { ...response, headers: { ...announced, ...response.headers } } : response;

	const fault = deps.faults.take(req.method, req.path, (kind) => kind !== 'repeatCursor');
	if (fault?.kind === 'slow') delay += fault.ms;
	const trickleMs = fault?.kind === 'trickle' ? fault.everyMs : undefined;
	const answersItself = fault && fault.kind !== 'slow' && fault.kind !== 'trickle';
	const processedFirst = fault && 'processed' in fault && fault.processed;
	if (answersItself && !processedFirst)
		return { response: deps.faults.response(fault, req), delay };

	let response: SandboxResponse;
	try {
		response = await deps.route(req);
	} catch (error) {
		response = deps.shaper.unexpected(String((error as Error)?.stack ?? error));
	}
	if (answersItself) return { response: deps.faults.response(fault, req), delay };
	return { response: announce(response), delay, trickleMs };
}

function head(res: ServerResponse, response: SandboxResponse, body: string, idHeader?: string) {
	res.writeHead(response.status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(body),
		...(idHeader ? { [idHeader]: randomUUID() } : {}),
		...response.headers,
	});
}

const bodyText = (response: SandboxResponse) =>
	typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');

function write(res: ServerResponse, response: SandboxResponse, requestIdHeader?: string) {
	const body = bodyText(response);
	head(res, response, body, requestIdHeader);
	res.end(body);
}

/** Writes the body one byte every `everyMs` ms, until it is complete or the client has gone. */
async function trickle(
	res: ServerResponse,
	req: RecordedRequest,
	response: SandboxResponse,
	everyMs: number,
	idHeader?: string,
) {
	const body = Buffer.from(bodyText(response));
	const progress = { sent: 0, total: body.length, closed: false, clientLeft: false };
	req.trickle = progress;
	res.on('close', () => {
		progress.closed = true;
		progress.clientLeft = progress.sent < progress.total;
	});
	head(res, response, body.toString('utf8'), idHeader);
	res.flushHeaders();
	while (progress.sent < body.length) {
		await sleep(everyMs);
		if (progress.closed) return;
		res.write(body.subarray(progress.sent, progress.sent + 1));
		progress.sent++;
	}
	res.end();
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
			const { response, delay, trickleMs } = await respond(deps, recorded);
			if (delay > 0) await sleep(delay);
			if (!response) {
				// hangUp fault: the client sees the connection drop without a response.
				req.socket.destroy();
				return;
			}
			if (trickleMs !== undefined) await trickle(res, recorded, response, trickleMs, idHeader);
			else write(res, response, idHeader);
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
