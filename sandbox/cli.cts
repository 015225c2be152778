// `npm run sandbox`: seeded local APIs for demos.
//   (default)  the Apideck sandbox on --port N (or SANDBOX_PORT, default 4010)
//   --truto    the Truto sandbox instead, on --truto-port N (or TRUTO_SANDBOX_PORT, default 4011)
//   --both     both of them
// Also: --latency MS, --emit-events (deliver webhooks when records change through the API).
import { describeApideck } from './apideck/describe.cjs';
import { startSandbox } from './apideck/index.cjs';
import { describeTruto } from './truto/describe.cjs';
import { startTrutoSandbox } from './truto/index.cjs';

const args = process.argv.slice(2);

function flag(name: string): string | undefined {
	const i = args.indexOf(`--${name}`);
	if (i !== -1) return args[i + 1];
	return args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

async function main() {
	const both = args.includes('--both');
	const truto = both || args.includes('--truto');
	const apideck = both || !truto;
	const common = {
		seed: true,
		latencyMs: Number(flag('latency') ?? 0),
		emitEvents: args.includes('--emit-events'),
	};
	const lines: string[] = [];
	const closers: (() => Promise<void>)[] = [];
	if (apideck) {
		const port = Number(flag('port') ?? process.env.SANDBOX_PORT ?? 4010);
		const sandbox = await startSandbox({ ...common, port });
		lines.push(...describeApideck(sandbox));
		closers.push(() => sandbox.close());
	}
	if (truto) {
		const port = Number(flag('truto-port') ?? process.env.TRUTO_SANDBOX_PORT ?? 4011);
		const sandbox = await startTrutoSandbox({ ...common, port });
		lines.push(...describeTruto(sandbox));
		closers.push(() => sandbox.close());
	}
	process.stdout.write(`${[...lines, 'Press Ctrl+C to stop.'].join('\n')}\n`);
	const stop = () => {
		void Promise.all(closers.map((close) => close())).then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(`Sandbox failed to start: ${(error as Error)?.message ?? String(error)}\n`);
	process.exit(1);
});
