// Test helper: a target URL on 127.0.0.1 that records what it receives and answers `status`
// with `body` (e.g. JSON that a client could mistake for its API's answer).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Receiver {
	url: string;
	received: { headers: IncomingHttpHeaders; body: string }[];
	/** Change the answer of later requests. */
	state: { status: number; body: string };
	close(): Promise<void>;
}

const open = new Set<Server>();

export async function receiver(status = 200, body = 'ok'): Promise<Receiver> {
	const received: Receiver['received'] = [];
	const state = { status, body };
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
			res.writeHead(state.status).end(state.body);
		});
	});
	open.add(server);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
	return { url, received, state, close: () => closeReceiver(server) };
}

function closeReceiver(server: Server): Promise<void> {
	open.delete(server);
	return new Promise((resolve) => {
		server.close(() => resolve());
		server.closeAllConnections();
	});
}

/** Closes every receiver still open (call in afterEach: a failed test must not keep jest alive). */
export async function closeReceivers(): Promise<void> {
	await Promise.all([...open].map(closeReceiver));
}
