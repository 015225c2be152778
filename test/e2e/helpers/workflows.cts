/**
 * Builds small workflows around the CRM nodes and runs them in n8n over REST:
 * Manual Trigger → node 1 → node 2 → …, each node fed by the one before.
 */
import type {
	ExecutionResult,
	N8nRestClient,
	WorkflowNode,
} from '../../../scripts/n8n/rest-client.cjs';

export const PACKAGE = 'n8n-nodes-apideck-crm';
export const ACTION_TYPE = `${PACKAGE}.apideckCrm`;
export const TRIGGER_TYPE = `${PACKAGE}.apideckCrmTrigger`;
export const TRUTO_ACTION_TYPE = `${PACKAGE}.trutoCrm`;

export interface CredentialRef {
	id: string;
	name: string;
}

function packageNode(
	type: string,
	credentialType: string,
	name: string,
	parameters: Record<string, unknown>,
	credential: CredentialRef,
	extra: Partial<WorkflowNode> = {},
): WorkflowNode {
	return {
		name,
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { [credentialType]: credential },
		...extra,
	};
}

export const apideckNode = (
	name: string,
	parameters: Record<string, unknown>,
	credential: CredentialRef,
	extra: Partial<WorkflowNode> = {},
) => packageNode(ACTION_TYPE, 'apideckApi', name, parameters, credential, extra);

export const trutoNode = (
	name: string,
	parameters: Record<string, unknown>,
	credential: CredentialRef,
	extra: Partial<WorkflowNode> = {},
) => packageNode(TRUTO_ACTION_TYPE, 'trutoApi', name, parameters, credential, extra);

export interface ChainRun {
	execution: ExecutionResult;
	/** JSON of every output item of a node (first run, first output). */
	out(node: string): Array<Record<string, unknown>>;
	/** The error of the node that failed, if any. */
	error: ExecutionResult['data']['resultData']['error'];
}

let counter = 0;

export async function runChain(
	rest: N8nRestClient,
	nodes: WorkflowNode[],
	name = `e2e chain ${++counter}`,
): Promise<ChainRun> {
	const start: WorkflowNode = {
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const all = [start, ...nodes].map((node, index) => ({
		...node,
		position: [index * 220, 0] as [number, number],
	}));
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < all.length - 1; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	const workflow = await rest.createWorkflow({ name, nodes: all, connections });
	const execution = await rest.runWorkflow(workflow.id, { startNode: 'Start', timeoutMs: 90_000 });
	return {
		execution,
		error: execution.data.resultData.error,
		out: (node) =>
			(execution.data.resultData.runData[node]?.[0]?.data?.main?.[0] ?? []).map((i) => i.json),
	};
}
