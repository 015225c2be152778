/**
 * 100 activate/deactivate cycles of the trigger, the way n8n runs them (checkExists → create,
 * then delete), with a transient fault every few cycles: exactly one subscription while active,
 * none left at the end.
 */
import { startTriggerHost, type TriggerHost } from '../helpers/trigger-host.cjs';
import { capture, installCapture, releaseCapture } from './support/capture.cjs';
import { credentialsFor, useReliabilitySandbox } from './support/fixtures.cjs';
import { secretScan } from './support/secret-scan.cjs';
import { verify } from './support/verify.cjs';

installCapture();

const CYCLES = 100;
let host: TriggerHost;
const sandbox = useReliabilitySandbox({
	async setup(started) {
		host = await startTriggerHost({
			credentials: credentialsFor(started),
			parameters: { events: ['crm.lead.created', 'crm.contact.updated'], fetchFullRecord: false },
		});
		return () => host.close();
	},
});
afterAll(() => releaseCapture());

// Transient faults the transport absorbs: DELETE is retried after a 5xx, any call after a 429.
const FAULTS: Array<[string, () => void]> = [
	['503 on DELETE', () => sandbox.faults.serverError({ status: 503, method: 'DELETE' })],
	[
		'429 on create',
		() =>
			sandbox.faults.rateLimit({ retryAfterSeconds: 0, method: 'POST', path: '/webhook/webhooks' }),
	],
	[
		'429 on list',
		() =>
			sandbox.faults.rateLimit({ retryAfterSeconds: 0, method: 'GET', path: '/webhook/webhooks' }),
	],
	['dropped DELETE', () => sandbox.faults.hangUp({ method: 'DELETE' })],
];

test(`${CYCLES} activate/deactivate cycles leave no subscription behind`, async () => {
	let activeWithOne = 0;
	let injected = 0;
	const errors: string[] = [];
	for (let cycle = 0; cycle < CYCLES; cycle++) {
		if (cycle % 5 === 0) {
			FAULTS[(cycle / 5) % FAULTS.length][1]();
			injected++;
		}
		try {
			await host.activate();
			await host.idle();
			if (sandbox.webhooks.subscriptions().filter((s) => s.status === 'enabled').length === 1)
				activeWithOne++;
			await host.deactivate();
		} catch (error) {
			errors.push((error as Error).message);
			capture('lifecycle error', error);
		}
		sandbox.faults.clear();
	}
	const left = sandbox.webhooks.subscriptions().length;
	const validations = sandbox.webhooks.validations.length;
	capture('host', {
		responses: host.responses,
		errors: host.webhookErrors,
		staticData: host.staticData,
	});
	verify(
		__filename,
		{
			area: 'Trigger lifecycle',
			scenario: `${CYCLES} activate/deactivate cycles`,
			injected: `${injected} transient faults (${FAULTS.map(([name]) => name).join(', ')})`,
			requests: sandbox.requests.length,
			items: `${activeWithOne}/${CYCLES} active with exactly 1 subscription`,
			failures: `${errors.length}${errors[0] ? ` (${errors[0]})` : ''}`,
			rejected: `${validations} URL validations`,
			executions: `${left} subscriptions left`,
		},
		{ errors, activeWithOne, left },
		{ errors: [], activeWithOne: CYCLES, left: 0 },
	);
});

test('the API key appears nowhere in what the lifecycle produced or logged', () => {
	secretScan(__filename, 'Trigger lifecycle');
});
