/**
 * `npm run demo:lead [-- <country code>]`, while `npm run demo` runs in another terminal: creates
 * a lead in the demo sandbox, which delivers a signed crm.lead.created to n8n, and prints whom
 * the workflow assigned it to.
 */
import { DEMO_SANDBOX_DEFAULTS, describeResult, fireLead } from './fire.cjs';

const country = process.argv[2];
const url =
	process.env.DEMO_SANDBOX_URL ?? `http://127.0.0.1:${process.env.DEMO_SANDBOX_PORT ?? 4010}`;

fireLead({ url, ...DEMO_SANDBOX_DEFAULTS }, country)
	.then((result) => {
		process.stdout.write(`${describeResult(result)}\n`);
		process.exit(result.task ? 0 : 1);
	})
	.catch((error: unknown) => {
		process.stderr.write(
			`Could not reach the demo sandbox at ${url} (is \`npm run demo\` running?): ${(error as Error).message}\n`,
		);
		process.exit(1);
	});
