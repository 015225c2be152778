/**
 * Runs nodes the way n8n does — through n8n-core's WorkflowExecute — with test credentials.
 *
 *   const { items, error } = await runNode({
 *     type: 'apideckCrm', parameters: { resource: 'lead', operation: 'get', ... },
 *     credentials: sandboxCredentials(sandbox), input: [{ json: {} }],
 *   });
 *
 * `items` is the node's first output; `error` the execution error when the node failed.
 * Node types are registered as `n8n-nodes-apideck-crm.<name>`; pass extra ones in `nodeTypes`.
 * The credentials are handed over as the node's first credential type (apideckApi, trutoApi).
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	ICredentialDataDecryptedObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, LoggerProxy, Workflow } from 'n8n-workflow';

const quiet = () => {};
LoggerProxy.init({ error: quiet, warn: quiet, info: quiet, debug: quiet } as never);

import { TestCredentialsHelper } from './credentials-helper.cjs';
import { FeedItems, PACKAGE, TestNodeTypes } from './node-types.cjs';

export interface RunNodeOptions {
	/** Node name inside the package, e.g. 'apideckCrm', or a full type name. */
	type: string;
	parameters: INodeParameters;
	credentials?: ICredentialDataDecryptedObject;
	/** The credential type the credentials are for (default: the node's first one). */
	credentialType?: string;
	input?: INodeExecutionData[];
	continueOnFail?: boolean;
	nodeTypes?: Record<string, INodeType | IVersionedNodeType>;
	typeVersion?: number;
}

export interface RunNodeResult {
	items: INodeExecutionData[];
	outputs: INodeExecutionData[][];
	error?: ExecutionError;
	run: IRun;
}

let registry: Record<string, INodeType | IVersionedNodeType> | undefined;

/** The package's own nodes, loaded lazily so tests that need none stay fast. */
function packageNodes(): Record<string, INodeType | IVersionedNodeType> {
	if (!registry) {
		registry = {};
		/* eslint-disable @typescript-eslint/no-require-imports -- loaded only when a test runs them */
		const candidates: Array<[string, () => INodeType]> = [
			['apideckCrm', () => new (require('../../nodes/ApideckCrm/ApideckCrm.node.ts').ApideckCrm)()],
			['trutoCrm', () => new (require('../../nodes/TrutoCrm/TrutoCrm.node.ts').TrutoCrm)()],
			[
				'apideckCrmTrigger',
				() =>
					new (require('../../nodes/ApideckCrmTrigger/ApideckCrmTrigger.node.ts').ApideckCrmTrigger)(),
			],
			[
				'trutoCrmTrigger',
				() =>
					new (require('../../nodes/TrutoCrmTrigger/TrutoCrmTrigger.node.ts').TrutoCrmTrigger)(),
			],
		];
		/* eslint-enable @typescript-eslint/no-require-imports */
		for (const [name, load] of candidates) {
			try {
				registry[`${PACKAGE}.${name}`] = load();
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
			}
		}
	}
	return registry;
}

export function buildAdditionalData(
	credentials: Record<string, ICredentialDataDecryptedObject>,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper(credentials),
		hooks,
		executionId: 'test-execution',
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		variables: {},
		currentNodeParameters: undefined,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not available in tests');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('Task runners are not available in tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export function fullType(type: string) {
	return type.includes('.') ? type : `${PACKAGE}.${type}`;
}

/** The credential type a node asks for first (apideckApi when it names none). */
export function credentialTypeOf(nodeTypes: TestNodeTypes, type: string): string {
	return (
		nodeTypes.getByNameAndVersion(fullType(type)).description.credentials?.[0]?.name ?? 'apideckApi'
	);
}

export function makeNodeTypes(extra: Record<string, INodeType | IVersionedNodeType> = {}) {
	return new TestNodeTypes({
		[`${PACKAGE}.feedItems`]: new FeedItems(),
		...packageNodes(),
		...extra,
	});
}

/**
 * Runs a workflow from `start` with WorkflowExecute, as n8n does after a trigger fired, and
 * resolves with the finished run.
 */
export async function executeWorkflow(
	workflow: Workflow,
	start: { node: INode; items: INodeExecutionData[][] },
	mode: WorkflowExecuteMode,
	makeAdditionalData: (hooks: ExecutionLifecycleHooks) => IWorkflowExecuteAdditionalData,
): Promise<IRun> {
	const hooks = new ExecutionLifecycleHooks(mode, `execution-${Date.now()}`, {
		id: workflow.id,
		name: workflow.name ?? 'test',
		nodes: Object.values(workflow.nodes),
		connections: workflow.connectionsBySourceNode,
		active: mode !== 'manual',
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	let finished: (run: IRun) => void = () => {};
	const done = new Promise<IRun>((resolve) => (finished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finished(run));
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: start.node, data: { main: start.items }, source: null }],
		},
	});
	await new WorkflowExecute(
		makeAdditionalData(hooks),
		mode,
		runExecutionData,
	).processRunExecutionData(workflow);
	return await done;
}

export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const nodeTypes = makeNodeTypes(options.nodeTypes);
	const credentialType = options.credentialType ?? credentialTypeOf(nodeTypes, options.type);
	const feed: INode = {
		id: 'feed',
		name: 'Feed Items',
		type: `${PACKAGE}.feedItems`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {
			items: JSON.stringify((options.input ?? [{ json: {} }]).map((item) => item.json)),
		},
	};
	const node: INode = {
		id: 'under-test',
		name: 'Under Test',
		type: fullType(options.type),
		typeVersion: options.typeVersion ?? 1,
		position: [200, 0],
		parameters: options.parameters,
		credentials: options.credentials
			? { [credentialType]: { id: 'cred-1', name: 'Test credential' } }
			: undefined,
		onError: options.continueOnFail ? 'continueRegularOutput' : undefined,
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [feed, node],
		connections: { [feed.name]: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes,
		staticData: {},
	});

	const run = await executeWorkflow(
		workflow,
		{ node: feed, items: [[{ json: {} }]] },
		'manual',
		(hooks) =>
			buildAdditionalData(
				options.credentials ? { [credentialType]: options.credentials } : {},
				hooks,
			),
	);

	const taskData = run.data.resultData.runData[node.name]?.[0];
	const outputs = (taskData?.data?.main ?? []).map((output) => output ?? []);
	return {
		items: outputs[0] ?? [],
		outputs,
		error: run.data.resultData.error ?? taskData?.error,
		run,
	};
}
