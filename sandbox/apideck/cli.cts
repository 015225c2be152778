// `npm run sandbox`: a seeded sandbox for demos. Options: --port N (or SANDBOX_PORT, default 4010),
// --latency MS, --emit-events (deliver crm.* webhooks when records change through the API).
import { startSandbox } from './index.cjs';

function flag(name: string): string | undefined {
	const args = process.argv.slice(2);
	const i = args.indexOf(`--${name}`);
	if (i !== -1) return args[i + 1];
	return args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

async function main() {
	const port = Number(flag('port') ?? process.env.SANDBOX_PORT ?? 4010);
	const sandbox = await startSandbox({
		seed: true,
		port,
		latencyMs: Number(flag('latency') ?? 0),
		emitEvents: process.argv.includes('--emit-events'),
	});
	const lines = [
		`Apideck sandbox listening on ${sandbox.url}`,
		`  API key:        ${sandbox.apiKey}`,
		`  Application ID: ${sandbox.appId}`,
		...Object.entries(sandbox.consumers).map(
			([consumer, services]) =>
				`  Consumer ID:    ${consumer} (connections: ${services.join(', ')})`,
		),
		`  Webhook events on record changes: ${sandbox.webhooks.autoEmit ? 'on' : 'off (--emit-events)'}`,
		'Press Ctrl+C to stop.',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	const stop = () => {
		void sandbox.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(`Sandbox failed to start: ${(error as Error)?.message ?? String(error)}\n`);
	process.exit(1);
});
