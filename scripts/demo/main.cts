/**
 * `npm run demo [-- --truto]`: the sandbox of Apideck (default) or Truto, seeded and delivering
 * events, a real n8n with this package, the backend's credential and lead-routing template
 * imported and active. Keys: a / e / r fire a lead from the Americas / Europe / elsewhere, l a
 * random one, q or Ctrl+C stops everything. Env: DEMO_N8N_PORT (5678), DEMO_SANDBOX_PORT (4010,
 * or 4011 for Truto), N8N_VERSION; flag --keep keeps n8n's folder.
 */
import { DEMO_SANDBOX_DEFAULTS, describeResult, fireLead, type RoutingResult } from './fire.cjs';
import { DEMO_OWNERS } from './seed.cjs';
import { startDemoStack, type DemoStack, type DemoStackOptions } from './stack.cjs';
import { TEMPLATE_PATH, TRUTO_TEMPLATE_PATH } from './template.cjs';
import { fireTrutoLead, TRUTO_SANDBOX_DEFAULTS } from './truto-fire.cjs';
import { startTrutoDemoStack } from './truto-stack.cjs';

const KEYS: Record<string, string | undefined> = { a: 'US', e: 'DE', r: 'JP', l: undefined };

interface Demo {
	stack: DemoStack<{ url: string }>;
	backend: string;
	event: string;
	template: string;
	fire: (country?: string) => Promise<RoutingResult>;
}

async function startDemo(truto: boolean, options: DemoStackOptions): Promise<Demo> {
	if (truto) {
		const stack = await startTrutoDemoStack(options);
		const access = { url: stack.sandbox.url, ...TRUTO_SANDBOX_DEFAULTS };
		return {
			stack,
			backend: 'Truto',
			event: 'record:created',
			template: TRUTO_TEMPLATE_PATH,
			fire: async (country) => await fireTrutoLead(access, country),
		};
	}
	const stack = await startDemoStack(options);
	const access = { url: stack.sandbox.url, ...DEMO_SANDBOX_DEFAULTS };
	return {
		stack,
		backend: 'Apideck',
		event: 'crm.lead.created',
		template: TEMPLATE_PATH,
		fire: async (country) => await fireLead(access, country),
	};
}

async function main() {
	const started = Date.now();
	const keep = process.argv.includes('--keep');
	const truto = process.argv.includes('--truto');
	const n8nPort = Number(process.env.DEMO_N8N_PORT ?? 5678);
	const sandboxPort = Number(process.env.DEMO_SANDBOX_PORT ?? (truto ? 4011 : 4010));
	const name = truto ? 'Truto' : 'Apideck';
	process.stdout.write(
		`Starting the ${name} sandbox and n8n (first run installs n8n: 5–15 min, progress below)…\n`,
	);
	const demo = await startDemo(truto, {
		sandboxPort,
		emitEvents: true,
		activate: true,
		n8n: { port: n8nPort, keepUserFolder: keep, quietInstall: false },
	});
	const { n8n, sandbox, workflow, credential } = demo.stack;
	const interactive = process.stdin.isTTY;
	const lines = [
		'',
		`Ready in ${((Date.now() - started) / 1000).toFixed(0)} s — n8n ${n8n.installation.version}`,
		`  Editor:     ${n8n.url}/workflow/${workflow?.id ?? ''}`,
		`  Login:      ${n8n.owner.email} / ${n8n.owner.password}`,
		`  Workflow:   "${workflow?.name}" (active), from ${demo.template}`,
		`  Credential: "${credential.name}" → ${demo.backend} sandbox ${sandbox.url}`,
		`  Owners:     ${DEMO_OWNERS.map((o) => `${o.name} (${o.id}, ${o.region})`).join(', ')}`,
		'',
		`Fire a signed ${demo.event} event (creates a lead in the sandbox, which delivers it to n8n):`,
		...(interactive
			? ['  press  a = lead from the US   e = from Germany   r = from Japan   l = random']
			: []),
		`  or run  npm run demo:lead -- ${truto ? '--truto ' : ''}DE      (any country code) in another terminal`,
		`Then open the editor's Executions tab. ${interactive ? 'q or ' : ''}Ctrl+C stops everything.`,
		'',
	];
	process.stdout.write(`${lines.join('\n')}\n`);

	let stopping = false;
	const shutdown = () => {
		if (stopping) return;
		stopping = true;
		process.stdout.write('\nStopping n8n and the sandbox…\n');
		if (interactive) process.stdin.setRawMode(false);
		void demo.stack.stop().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);

	if (interactive) {
		process.stdin.setRawMode(true);
		process.stdin.resume();
		process.stdin.setEncoding('utf8');
		process.stdin.on('data', (key: string) => onKey(key, demo, shutdown));
	}
}

let busy = false;
function onKey(key: string, demo: Demo, shutdown: () => void) {
	if (key === '\u0003' || key === 'q') return shutdown();
	if (!(key in KEYS) || busy) return;
	busy = true;
	process.stdout.write(`firing a lead${KEYS[key] ? ` from ${KEYS[key]}` : ''}… `);
	demo
		.fire(KEYS[key])
		.then((result) => process.stdout.write(`${describeResult(result)}\n`))
		.catch((error: unknown) => process.stdout.write(`failed: ${(error as Error).message}\n`))
		.finally(() => {
			busy = false;
		});
}

main().catch((error: unknown) => {
	process.stderr.write(`Demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
