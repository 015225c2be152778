import type { ErrorShaper } from './error-shaper.cjs';
import type { RateLimiter, RateLimitSettings } from './rate-limit.cjs';
import { closeServer, listen, type ServerDeps } from './server.cjs';
import type { RecordedRequest, SandboxResponse } from './types.cjs';

/** What every sandbox offers besides its backend's own parts. */
export interface HostControls {
	url: string;
	port: number;
	/** Every request received (method, raw path, raw and parsed query, headers, body, at). */
	requests: RecordedRequest[];
	clearRequests(): void;
	/** Delay added to every response. */
	setLatency(ms: number): void;
	/**
	 * Requests accepted per second (per windowSeconds when set); undefined = no limit. kind
	 * 'window' (default): per sliding window, bursts allowed; 'spaced': no burst, each request
	 * 1/perSecond s after the last. announce: successful answers carry the rate-limit headers.
	 */
	setRateLimit(perSecond: number | undefined, settings?: RateLimitSettings): void;
	close(): Promise<void>;
}

export interface HostOptions {
	/** Fixed port; 0 or absent picks a free one. */
	port?: number;
	latencyMs?: number;
	limiter: RateLimiter;
	faults: ServerDeps['faults'];
	shaper: Pick<ErrorShaper, 'limitExceeded' | 'limitHeaders' | 'unexpected' | 'requestIdHeader'>;
	route: (req: RecordedRequest) => Promise<SandboxResponse>;
	/** Runs before the server closes, e.g. waiting for webhook deliveries. */
	beforeClose?: () => Promise<void>;
}

/** Starts the recording server on 127.0.0.1 and returns its controls. */
export async function startHost(options: HostOptions): Promise<HostControls> {
	const requests: RecordedRequest[] = [];
	const { limiter } = options;
	let latencyMs = options.latencyMs ?? 0;
	const { server, port } = await listen(
		{ ...options, requests, latencyMs: () => latencyMs },
		options.port ?? 0,
	);
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		requests,
		clearRequests: () => {
			requests.length = 0;
		},
		setLatency: (ms) => {
			latencyMs = ms;
		},
		setRateLimit: (perSecond, settings) => limiter.configure(perSecond, settings),
		close: () => closeServer(server, options.beforeClose),
	};
}
