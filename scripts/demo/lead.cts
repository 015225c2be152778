/**
 * `npm run demo:lead [-- [--truto] <country code>]`, while `npm run demo` runs in another
 * terminal: creates a lead in the demo sandbox (Apideck, or Truto with --truto), which delivers
 * a signed lead-created event to n8n, and prints whom the workflow assigned it to.
 */
import { DEMO_SANDBOX_DEFAULTS, describeResult, fireLead } from './fire.cjs';
import { fireTrutoLead, TRUTO_SANDBOX_DEFAULTS } from './truto-fire.cjs';

const args = process.argv.slice(2);
const truto = args.includes('--truto');
const country = args.find((arg) => !arg.startsWith('--'));
const url =
	process.env.DEMO_SANDBOX_URL ??
	`http://127.0.0.1:${process.env.DEMO_SANDBOX_PORT ?? (truto ? 4011 : 4010)}`;

const fired = truto
	? fireTrutoLead({ url, ...TRUTO_SANDBOX_DEFAULTS }, country)
	: fireLead({ url, ...DEMO_SANDBOX_DEFAULTS }, country);

fired
	.then((result) => {
		process.stdout.write(`${describeResult(result)}\n`);
		process.exit(result.task ? 0 : 1);
	})
	.catch((error: unknown) => {
		process.stderr.write(
			`Could not reach the demo sandbox at ${url} (is \`npm run demo${truto ? ' -- --truto' : ''}\` running?): ${(error as Error).message}\n`,
		);
		process.exit(1);
	});
