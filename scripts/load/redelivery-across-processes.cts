/**
 * Reproduces a duplicate the queue-mode scenario cannot show with one webhook processor: Apideck
 * redelivers an event a few seconds later and the copy lands on another webhook processor (two
 * behind a load balancer, or one restarted meanwhile). That process knows the event only from the
 * trigger's static data in the database.
 *
 *   npm run build && node scripts/dev-loader.cjs scripts/load/redelivery-across-processes.cts
 *   N8N_VERSION=1.123.81 node scripts/dev-loader.cjs scripts/load/redelivery-across-processes.cts
 *
 * Prints each event's three answers and the executions; exits 1 when an event ran twice.
 */
import { postJson } from '../../sandbox/http/http-post.cjs';
import { startDemoStack } from '../demo/stack.cjs';
import { triggerUrl } from '../demo/template.cjs';
import { sleep } from '../n8n/managed-process.cjs';
import { LEAD_SCOPE, planLeads } from './lead-deliveries.cjs';
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
		const leads = planLeads(stack.sandbox, EVENTS);
		for (const lead of leads) {
			const a = await answer(first, lead.leadId, lead.eventId, 1);
			await sleep(3000);
			const b = await answer(second, lead.leadId, lead.eventId, 2);
			const c = await answer(first, lead.leadId, lead.eventId, 3);
			out(
				`event ${lead.eventId}: processor 1 → ${a} | 3 s later, processor 2 → ${b} | processor 1 again → ${c}`,
			);
		}
		const executions = await settledExecutions(stack.n8n.rest, stack.workflow!.id);
		out(
			`n8n ${stack.n8n.installation.version}: ${EVENTS} events, ${executions.success} successful executions`,
		);
		return executions.success === EVENTS ? 0 : 1;
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
