import type {
	ICredentialDataDecryptedObject,
	INodeExecutionData,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import { runNode, type RunNodeResult } from '../../helpers/engine.cjs';
import { sandboxCredentials } from '../../helpers/sandbox-credentials.cjs';
import {
	startTriggerHost,
	type TriggerHost,
	type TriggerHostOptions,
} from '../../helpers/trigger-host.cjs';
import { useSandbox, type UseSandboxOptions } from '../../helpers/use-sandbox.cjs';
import type { Sandbox } from '../../../sandbox/apideck/index.cjs';
import { capture, SECRET } from './capture.cjs';

/**
 * A file of lead-create scenarios: its sandbox (see useReliabilitySandbox) loses its leads,
 * request log, faults and rate limit before each test, and `input()` names `count` leads after
 * the test so that no two tests share a name.
 */
export function useLeadBatches(count: number): {
	sandbox: Sandbox;
	input: () => INodeExecutionData[];
} {
	const sandbox = useReliabilitySandbox();
	let batch = 0;
	beforeEach(() => {
		sandbox.faults.clear();
		sandbox.clearRequests();
		sandbox.setRateLimit(undefined);
		sandbox.store.clear('leads');
		batch++;
	});
	const input = () =>
		Array.from({ length: count }, (_, i) => ({ json: { name: `Lead ${batch}-${i}` } }));
	return { sandbox, input };
}

/** What a run of `count` lead creates left behind, in the order the scenarios expect it. */
export function leadCounts(
	sandbox: Sandbox,
	items: INodeExecutionData[],
	runError: unknown,
	count: number,
) {
	const errors = items.filter((item) => item.json.error !== undefined).length;
	const outputs = new Set(items.map((item) => (item.pairedItem as { item: number }).item)).size;
	return {
		runError: (runError as Error | undefined)?.message,
		out: items.length,
		lost: count - outputs,
		stored: sandbox.store.count('leads'),
		duplicates: duplicateNames(sandbox),
		errors,
	};
}

/** The file's sandbox (see useSandbox), with the API key the secret scan looks for. */
export function useReliabilitySandbox(options: UseSandboxOptions = {}): Sandbox {
	return useSandbox({ apiKey: SECRET, reset: 'none', ...options });
}

export function credentialsFor(sandbox: Sandbox): ICredentialDataDecryptedObject {
	return sandboxCredentials(sandbox);
}

/** An active trigger for every event of any consumer, subscribed on the sandbox. */
export async function activeTriggerHost(
	sandbox: Sandbox,
	staticDataSaving?: TriggerHostOptions['staticDataSaving'],
): Promise<TriggerHost> {
	const host = await startTriggerHost({
		credentials: credentialsFor(sandbox),
		parameters: { events: ['*'], consumerFilter: 'any', fetchFullRecord: false },
		staticDataSaving,
	});
	await host.activate();
	await host.idle();
	return host;
}

/** Deactivates the trigger (its subscription is removed) and closes its host. */
export async function stopTriggerHost(host: TriggerHost): Promise<void> {
	await host.deactivate();
	await host.close();
}

interface RunOptions {
	type?: string;
	parameters: INodeParameters;
	input?: INodeExecutionData[];
	continueOnFail?: boolean;
	nodeTypes?: Record<string, INodeType>;
}

/** Runs a node through the engine; its items, error and whole run record are captured. */
export async function runCaptured(
	options: RunOptions & { type: string; credentials: ICredentialDataDecryptedObject },
): Promise<RunNodeResult> {
	const result = await runNode(options);
	capture(`run ${JSON.stringify(options.parameters).slice(0, 200)}`, result);
	return result;
}

/** Runs a node (the Apideck CRM node by default) against the Apideck sandbox, captured. */
export async function run(sandbox: Sandbox, options: RunOptions): Promise<RunNodeResult> {
	return await runCaptured({
		...options,
		type: options.type ?? 'apideckCrm',
		credentials: credentialsFor(sandbox),
	});
}

/**
 * A clear error: a specific message a person can read (not a bare status or "[object Object]")
 * and a description naming the request that failed.
 */
export function isClear(error: unknown, message: RegExp, request?: string): boolean {
	const e = error as { message?: string; description?: string | null } | undefined;
	if (!e?.message || !message.test(e.message)) return false;
	if (/\[object Object\]|^undefined$|^Unknown error$/i.test(e.message)) return false;
	return request === undefined || String(e.description ?? '').includes(request);
}

export function seedLeads(sandbox: Sandbox, count: number): void {
	sandbox.store.insertMany(
		'leads',
		Array.from({ length: count }, (_, i) => ({
			id: `lead-${String(i).padStart(5, '0')}`,
			name: `Lead ${i}`,
		})),
	);
}

/** Records lost and duplicated, comparing the ids a list returned with the ids expected. */
export function listCounts(items: INodeExecutionData[], expected: number) {
	const ids = items.map((item) => String(item.json.id));
	const unique = new Set(ids).size;
	return { out: ids.length, lost: expected - unique, duplicates: ids.length - unique };
}

/** Duplicate creates in the store: the same name stored more than once. */
export function duplicateNames(sandbox: Sandbox): number {
	const names = sandbox.store.list('leads').map((lead) => String(lead.name));
	return names.length - new Set(names).size;
}
