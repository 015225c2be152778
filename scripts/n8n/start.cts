/**
 * `npm run n8n:start [-- --no-package --link --keep --port N --echo]`
 * Starts n8n with this package (build it first: `npm run build`), prints the editor URL and the
 * login, and runs until Ctrl-C.
 */
import { startN8n } from './n8n-instance.cjs';

async function main() {
	const args = process.argv.slice(2);
	const flag = (name: string) => args.includes(name);
	const portIndex = args.indexOf('--port');
	const started = Date.now();
	const n8n = await startN8n({
		packageDir: flag('--no-package') ? false : undefined,
		linkPackage: flag('--link'),
		keepUserFolder: flag('--keep'),
		port: portIndex >= 0 ? Number(args[portIndex + 1]) : undefined,
		echoLogs: flag('--echo'),
	});
	const loaded = await n8n.packageNodeTypes();
	const lines = [
		`n8n ${n8n.installation.version} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
		`  editor:   ${n8n.url}`,
		`  login:    ${n8n.owner.email} / ${n8n.owner.password}`,
		`  webhooks: ${n8n.webhookBaseUrl}<path>`,
		`  folder:   ${n8n.userFolder}${flag('--keep') ? ' (kept)' : ' (deleted on exit)'}`,
	];
	if (n8n.package) {
		lines.push(
			`  package:  ${n8n.package.name}: ${loaded.length ? loaded.join(', ') : 'NO node types loaded'}`,
		);
		if (n8n.package.missing.length) {
			lines.push(`  not built yet (left out): ${n8n.package.missing.join(', ')}`);
		}
	}
	process.stdout.write(`${lines.join('\n')}\nCtrl-C stops it.\n`);

	const shutdown = () => {
		process.stdout.write('stopping n8n…\n');
		void n8n.stop().then(() => process.exit(0));
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
