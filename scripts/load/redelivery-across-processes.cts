/**
 * Reproduces a duplicate the queue-mode scenario cannot show with one webhook processor: Apideck
 * redelivers an event a few seconds later and the copy lands on another webhook processor (two
 * behind a load balancer, or one restarted meanwhile). That process knows the event only from the
 * trigger's static data in the database.
 *
 *   npm run build && node scripts/dev-loader.cjs scripts/load/redelivery-across-processes.cts
 *   N8N_VERSION=1.123.81 node scripts/dev-loader.cjs scripts/load/redelivery-across-processes.cts
 *
 * Two rounds. In the first, nothing happens between an event and its copy: n8n 2.x saves no static
 * data for a request that starts a workflow, so there the copy runs again (n8n 1.x keeps it out).
 * In the second, the first processor ignores an event of another consumer in between, which saves
 * the keys it has seen. Prints each event's three answers and the executions of each round; exits
 * 1 when an event of the second round ran twice.
 */
import { postJson } from '../../sandbox/http/http-post.cjs';
import { startDemoStack } from '../demo/stack.cjs';
import { triggerUrl } from '../demo/template.cjs';
import { sleep } from '../n8n/managed-process.cjs';
import { LEAD_SCOPE, planLeads, postOtherConsumersEvent } from './lead-deliveries.cjs';
import { settledExecutions } from './routing-check.cjs';

const EVENTS = 5;
const out = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
	const stack = await startDemoStack({
		activate: true,
		n8n: { quietInstall: true },
		queueMode: { workers: 1, webhookProcessors: 2 },
	});
	try {
		const [first, second] = stack.queue!.webhookProcessors.map((w) =>
			triggerUrl(`${w.url}/webhook/`),
		);
		const answer = async (url: string, leadId: string, eventId: string, attempt: number) => {
			const { body, headers } = stack.sandbox.webhooks.buildDelivery({
				event_type: 'crm.lead.created',
				entity_id: leadId,
				event_id: eventId,
				execution_attempt: attempt,
				...LEAD_SCOPE,
			});
			const result = await postJson(url, body, headers, 30_000);
			return `${result.status} ${result.body || result.error}`;
		};
		const round = async (name: string, between: () => Promise<void>) => {
			const before = (await settledExecutions(stack.n8n.rest, stack.workflow!.id)).success;
			for (const lead of planLeads(stack.sandbox, EVENTS)) {
				const a = await answer(first, lead.leadId, lead.eventId, 1);
				await between();
				await sleep(3000);
				const b = await answer(second, lead.leadId, lead.eventId, 2);
				const c = await answer(first, lead.leadId, lead.eventId, 3);
				out(
					`event ${lead.eventId}: processor 1 → ${a} | 3 s later, processor 2 → ${b} | processor 1 again → ${c}`,
				);
			}
			const ran = (await settledExecutions(stack.n8n.rest, stack.workflow!.id)).success - before;
			out(`n8n ${stack.n8n.installation.version}, ${name}: ${EVENTS} events, ${ran} executions`);
			return ran;
		};
		await round('copy straight after', async () => {});
		const flushed = await round('an ignored event in between', async () => {
			await postOtherConsumersEvent(stack.sandbox, first);
		});
		return flushed === EVENTS ? 0 : 1;
	} finally {
		await stack.stop();
	}
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
		process.exit(2);
	},
);
