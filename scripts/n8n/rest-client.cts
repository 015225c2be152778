/**
 * A small client for the REST API that n8n's own editor uses (`/rest/...`), checked on n8n 2.40.7.
 *
 * Session: `POST /rest/owner/setup` then `POST /rest/login` set the `n8n-auth` cookie; n8n binds
 * that cookie to the `browser-id` header, so every call repeats the same browser-id.
 * Responses are wrapped as `{ data: ... }`; `call()` unwraps them.
 *
 * Running a workflow and reading its result (the reliable way in 2.40.7):
 *   1. save the workflow (`POST /rest/workflows`); `POST /rest/workflows/:id/run` runs the SAVED
 *      version, not a body you send;
 *   2. the run body names where to start: `{ triggerToStartFrom: { name } }` (a trigger node, e.g.
 *      the Manual Trigger) or `{ destinationNode: { nodeName, mode: 'inclusive' } }`;
 *      the answer is `{ executionId }` at once (or `{ waitingForWebhook: true }` when the start
 *      node is a webhook-type trigger waiting for a test call);
 *   3. poll `GET /rest/executions/:id` until `status` is final; its `data` field is the run data
 *      serialized with `flatted` (not JSON.parse-able as is); `parseExecutionData` decodes it.
 *      Manual executions are saved by default (EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS=true).
 */
import { randomUUID } from 'node:crypto';

import { Agent, fetch } from 'undici';

// A new connection per call. With keep-alive, a call made after the test process was busy for a
// few seconds (parsing n8n's multi-megabyte /types/nodes.json, a loaded machine) could go out
// on a socket n8n had just closed as idle (5 s), and fail with "other side closed" — a POST is
// not retried. Loopback connections cost next to nothing.
const noKeepAlive = new Agent({ pipelining: 0 });

export interface RestClientOptions {
	baseUrl: string;
	/** Decodes flatted strings (n8n's own `flatted` package, loaded from the install). */
	parseFlatted: (text: string) => unknown;
	browserId?: string;
	/** n8n version: 1.x wants the workflow itself in run requests. */
	n8nVersion?: string;
}

export interface OwnerAccount {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	[key: string]: unknown;
}

export interface WorkflowInput {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	pinData?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface SavedWorkflow extends WorkflowInput {
	id: string;
	versionId: string;
	active: boolean;
	activeVersionId?: string | null;
}

export type ExecutionStatus =
	| 'new'
	| 'running'
	| 'waiting'
	| 'success'
	| 'error'
	| 'canceled'
	| 'crashed'
	| 'unknown';

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: ExecutionStatus;
	finished: boolean;
	createdAt?: string;
	startedAt: string;
	stoppedAt?: string | null;
}

/** One run of one node, as stored in `resultData.runData[nodeName][runIndex]`. */
export interface NodeRun {
	startTime: number;
	executionTime: number;
	executionStatus?: string;
	data?: { main?: Array<Array<{ json: Record<string, unknown>; pairedItem?: unknown }> | null> };
	error?: { message: string; description?: string; httpCode?: string; [key: string]: unknown };
	[key: string]: unknown;
}

export interface ExecutionData {
	resultData: {
		runData: Record<string, NodeRun[]>;
		lastNodeExecuted?: string;
		error?: { message: string; description?: string; [key: string]: unknown };
	};
	[key: string]: unknown;
}

export interface ExecutionResult extends ExecutionSummary {
	data: ExecutionData;
}

export const FINAL_STATUSES: ExecutionStatus[] = ['success', 'error', 'canceled', 'crashed'];

export class N8nRestError extends Error {
	constructor(
		readonly method: string,
		readonly path: string,
		readonly status: number,
		readonly body: unknown,
	) {
		super(`n8n ${method} ${path} answered ${status}: ${describeBody(body)}`);
		this.name = 'N8nRestError';
	}
}

function describeBody(body: unknown): string {
	if (body && typeof body === 'object' && 'message' in body) {
		return String((body as { message: unknown }).message);
	}
	return typeof body === 'string' ? body.slice(0, 500) : JSON.stringify(body).slice(0, 500);
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

export class N8nRestClient {
	readonly baseUrl: string;
	readonly browserId: string;
	readonly n8nVersion: string;
	private cookie = '';
	private readonly parseFlatted: (text: string) => unknown;

	constructor(options: RestClientOptions) {
		this.baseUrl = options.baseUrl.replace(/\/$/, '');
		this.browserId = options.browserId ?? randomUUID();
		this.parseFlatted = options.parseFlatted;
		this.n8nVersion = options.n8nVersion ?? '';
	}

	/** Raw call: returns status and parsed body, never throws on HTTP errors. */
	async raw(
		method: string,
		path: string,
		body?: unknown,
		headers: Record<string, string> = {},
	): Promise<{ status: number; body: unknown; headers: Headers }> {
		const response = await fetch(this.baseUrl + path, {
			method,
			headers: {
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...headers,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			dispatcher: noKeepAlive,
		});
		const setCookie = response.headers.getSetCookie?.() ?? [];
		const auth = setCookie.find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth.split(';')[0];
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			// not JSON: keep the text
		}
		return { status: response.status, body: parsed, headers: response.headers };
	}

	/** Calls `/rest/...`, throws N8nRestError on a non-2xx status, unwraps `{ data }`. */
	async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const result = await this.raw(method, path, body);
		if (result.status < 200 || result.status >= 300) {
			throw new N8nRestError(method, path, result.status, result.body);
		}
		const payload = result.body as { data?: unknown } | undefined;
		return (
			payload && typeof payload === 'object' && 'data' in payload ? payload.data : payload
		) as T;
	}

	get isLoggedIn(): boolean {
		return this.cookie !== '';
	}

	async setupOwner(owner: OwnerAccount): Promise<void> {
		await this.call('POST', '/rest/owner/setup', owner);
	}

	async login(email: string, password: string): Promise<void> {
		await this.call('POST', '/rest/login', { emailOrLdapLoginId: email, password });
	}

	// ---- credentials --------------------------------------------------------------------------

	/** `data` is sent in plain text; n8n encrypts it with the instance's key. */
	async createCredential(credential: {
		name: string;
		type: string;
		data: Record<string, unknown>;
	}): Promise<{ id: string; name: string; type: string }> {
		return await this.call('POST', '/rest/credentials', credential);
	}

	async deleteCredential(id: string): Promise<void> {
		await this.call('DELETE', `/rest/credentials/${encodeURIComponent(id)}`);
	}

	// ---- workflows ----------------------------------------------------------------------------

	async createWorkflow(workflow: WorkflowInput): Promise<SavedWorkflow> {
		const { id: _ignored, active: _active, versionId: _version, ...rest } = workflow;
		// n8n 1.x stores NULL (and fails) when `active` is absent; `false` is accepted by 1.x and 2.x.
		return await this.call('POST', '/rest/workflows', { settings: {}, ...rest, active: false });
	}

	async getWorkflow(id: string): Promise<SavedWorkflow> {
		return await this.call('GET', `/rest/workflows/${encodeURIComponent(id)}`);
	}

	async updateWorkflow(id: string, changes: Partial<WorkflowInput>): Promise<SavedWorkflow> {
		const current = await this.getWorkflow(id);
		return await this.call('PATCH', `/rest/workflows/${encodeURIComponent(id)}`, {
			...changes,
			versionId: current.versionId,
		});
	}

	async deleteWorkflow(id: string): Promise<void> {
		// 2.x only deletes archived workflows.
		await this.call('POST', `/rest/workflows/${encodeURIComponent(id)}/archive`, {});
		await this.call('DELETE', `/rest/workflows/${encodeURIComponent(id)}`);
	}

	/**
	 * Activates (publishes) the current version. Trigger nodes' webhooks are registered and their
	 * `create` hooks run before this returns, when N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false.
	 */
	async activateWorkflow(id: string, versionId?: string): Promise<SavedWorkflow> {
		const version = versionId ?? (await this.getWorkflow(id)).versionId;
		return await this.call('POST', `/rest/workflows/${encodeURIComponent(id)}/activate`, {
			versionId: version,
		});
	}

	async deactivateWorkflow(id: string): Promise<SavedWorkflow> {
		return await this.call('POST', `/rest/workflows/${encodeURIComponent(id)}/deactivate`, {});
	}

	// ---- executions ---------------------------------------------------------------------------

	/**
	 * Starts a manual run of the saved workflow. `startNode` is the trigger to start from
	 * (default: the first node whose type ends in `manualTrigger`).
	 */
	async startRun(workflowId: string, startNode?: string): Promise<string> {
		let trigger = startNode;
		// n8n 1.x runs the `workflowData` sent with the request (and fails without it).
		const workflow =
			!trigger || this.n8nVersion.startsWith('1.') ? await this.getWorkflow(workflowId) : undefined;
		if (!trigger) {
			trigger = workflow?.nodes.find((n) => /manualTrigger$/i.test(n.type))?.name;
			if (!trigger)
				throw new Error(`workflow ${workflowId} has no Manual Trigger; name a start node`);
		}
		const result = await this.call<{ executionId?: string; waitingForWebhook?: boolean }>(
			'POST',
			`/rest/workflows/${encodeURIComponent(workflowId)}/run`,
			{
				triggerToStartFrom: { name: trigger },
				...(this.n8nVersion.startsWith('1.') ? { workflowData: workflow } : {}),
			},
		);
		if (!result.executionId) {
			throw new Error(`n8n did not start workflow ${workflowId}: ${JSON.stringify(result)}`);
		}
		return result.executionId;
	}

	async getExecution(id: string): Promise<ExecutionResult> {
		const raw = await this.call<ExecutionSummary & { data: string | ExecutionData }>(
			'GET',
			`/rest/executions/${encodeURIComponent(id)}`,
		);
		return { ...raw, data: this.parseExecutionData(raw.data) };
	}

	parseExecutionData(data: string | ExecutionData): ExecutionData {
		return (typeof data === 'string' ? this.parseFlatted(data) : data) as ExecutionData;
	}

	/** Polls until the execution reaches a final status. */
	async waitForExecution(id: string, timeoutMs = 60_000): Promise<ExecutionResult> {
		const deadline = Date.now() + timeoutMs;
		let delay = 50;
		for (;;) {
			const result = await this.call<{ status: ExecutionStatus }>(
				'GET',
				`/rest/executions/${encodeURIComponent(id)}`,
			).catch((error: unknown) => {
				// The row may not be readable for a moment right after the run starts.
				if (error instanceof N8nRestError && error.status === 404)
					return { status: 'new' as const };
				throw error;
			});
			if (FINAL_STATUSES.includes(result.status)) return await this.getExecution(id);
			if (Date.now() > deadline) {
				throw new Error(`execution ${id} still '${result.status}' after ${timeoutMs} ms`);
			}
			await sleep(delay);
			delay = Math.min(delay * 2, 500);
		}
	}

	/** Saved workflow → manual run → final execution with decoded data. */
	async runWorkflow(workflowId: string, options: { startNode?: string; timeoutMs?: number } = {}) {
		const executionId = await this.startRun(workflowId, options.startNode);
		return await this.waitForExecution(executionId, options.timeoutMs);
	}

	/** Newest first, at most 100 (n8n's cap); `lastId` pages on (needs a status filter). */
	async listExecutions(
		filter: { workflowId?: string; status?: ExecutionStatus[] } = {},
		limit = 100,
		lastId?: string,
	) {
		const query = new URLSearchParams({ limit: String(limit) });
		if (Object.keys(filter).length) query.set('filter', JSON.stringify(filter));
		if (lastId) query.set('lastId', lastId);
		const result = await this.call<{ results: ExecutionSummary[]; count: number }>(
			'GET',
			`/rest/executions?${query.toString()}`,
		);
		return result.results;
	}

	/** How many executions match (exact below 100,000 rows; n8n estimates beyond). */
	async countExecutions(filter: { workflowId?: string; status?: ExecutionStatus[] } = {}) {
		const query = new URLSearchParams({ limit: '1', filter: JSON.stringify(filter) });
		const result = await this.call<{ count: number; estimated?: boolean }>(
			'GET',
			`/rest/executions?${query.toString()}`,
		);
		if (result.estimated) throw new Error(`n8n only estimated the count (${result.count})`);
		return result.count;
	}

	// ---- node types and editor calls ---------------------------------------------------------

	/** All node type descriptions the editor gets (`/types/nodes.json`, needs the session). */
	async nodeTypes(): Promise<
		Array<{ name: string; version: number | number[]; [k: string]: unknown }>
	> {
		return await this.call('GET', '/types/nodes.json');
	}

	async credentialTypes(): Promise<Array<{ name: string; [k: string]: unknown }>> {
		return await this.call('GET', '/types/credentials.json');
	}

	/**
	 * What the editor calls to fill a dropdown (`loadOptionsMethod`). A method that throws comes
	 * back as HTTP 500 carrying its message (N8nRestError.body.message).
	 */
	async loadOptions(
		request: DynamicParametersRequest,
	): Promise<Array<{ name: string; value: string | number | boolean; description?: string }>> {
		return await this.call('POST', '/rest/dynamic-node-parameters/options', request);
	}

	/** Resource locator list search (`listSearch` methods). */
	async resourceLocatorResults(
		request: DynamicParametersRequest & { filter?: string; paginationToken?: string },
	): Promise<{
		results: Array<{ name: string; value: string; url?: string }>;
		paginationToken?: unknown;
	}> {
		return await this.call(
			'POST',
			'/rest/dynamic-node-parameters/resource-locator-results',
			request,
		);
	}

	/** Resource mapper columns (`resourceMapping` methods). */
	async resourceMapperFields(request: DynamicParametersRequest): Promise<{ fields: unknown[] }> {
		return await this.call('POST', '/rest/dynamic-node-parameters/resource-mapper-fields', request);
	}
}

export interface DynamicParametersRequest {
	nodeTypeAndVersion: { name: string; version: number };
	/** Parameter path as the editor sends it, e.g. `parameters.owner`. */
	path: string;
	methodName?: string;
	currentNodeParameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	workflowId?: string;
	projectId?: string;
}
