import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface BlackHole {
	/** http://127.0.0.1:<port> — use it as a Base URL that never answers. */
	url: string;
	/** How many connections were opened to it so far. */
	connections(): number;
	close(): Promise<void>;
}

/**
 * A server on 127.0.0.1 that accepts connections, reads whatever arrives and never answers:
 * an API that has stopped responding. close() drops the connections it still holds.
 */
export async function startBlackHole(): Promise<BlackHole> {
	const sockets = new Set<Socket>();
	let opened = 0;
	const server = createServer((socket) => {
		opened++;
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => {});
		socket.resume();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		connections: () => opened,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}
