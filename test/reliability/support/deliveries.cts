/** Rows for deliveries to a trigger host: genuine ones (the control) and refused ones. */
import type { TriggerHost } from '../../helpers/trigger-host.cjs';
import { verify } from './verify.cjs';

/** The control: `count` genuine deliveries through `send`, each answered 200 and started once. */
export async function verifyGenuine(
	file: string,
	row: { area: string; scenario: string },
	host: TriggerHost,
	count: number,
	send: () => Promise<number[]>,
): Promise<void> {
	const before = host.executions.length;
	const statuses = await send();
	const executions = host.executions.length - before;
	verify(
		file,
		{
			...row,
			injected: `${count} deliveries`,
			requests: statuses.length,
			rejected: '0',
			executions,
		},
		{ ok: statuses.filter((s) => s === 200).length, executions },
		{ ok: count, executions: count },
	);
}

/**
 * Sends `count` deliveries through `send` (which answers their statuses) and records a row that
 * is ok only when every one was answered `status` and none started an execution or made
 * webhook() throw.
 */
export async function verifyRefused(
	file: string,
	row: { area: string; scenario: string },
	host: TriggerHost,
	count: number,
	status: number,
	send: () => Promise<number[]>,
): Promise<void> {
	const before = host.executions.length;
	const statuses = await send();
	const rejected = statuses.filter((s) => s === status).length;
	const executions = host.executions.length - before;
	verify(
		file,
		{
			...row,
			injected: `${count} deliveries`,
			requests: statuses.length,
			rejected: `${rejected}/${count} (${Math.round((100 * rejected) / count)} %) with ${status}`,
			executions,
		},
		{ deliveries: statuses.length, rejected, executions, webhookErrors: host.webhookErrors.length },
		{ deliveries: count, rejected: count, executions: 0, webhookErrors: 0 },
	);
}
