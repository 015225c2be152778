/**
 * A stand-in for n8n's webhook server and workflow activation, for the package's triggers
 * (`type`: apideckCrmTrigger, the default, or trutoCrmTrigger).
 *
 *   const host = await startTriggerHost({ credentials, parameters: { events: ['*'] } });
 *   await host.activate();               // checkExists → create (→ delete on failure), as n8n does
 *   await sandbox.webhooks.deliver(...); // real signed HTTP POST to host.webhookUrl
 *   await host.idle();                   // executions started by those requests have finished
 *   host.executions                      // one entry per workflow execution: the trigger's items
 *   await host.deactivate(); await host.close();
 *
 * Requests: listens on 127.0.0.1 and serves the trigger's production URL
 * (<base>/webhook/<webhookId>/webhook). Like n8n 2.40 for a version-1 webhook node, it reads the
 * raw body into `req.rawBody`, parses `application/json` into `req.body` (422 when that fails,
 * without calling the node), then calls webhook() through n8n-core's WebhookContext with the real
 * request and response objects. A result without workflowData is answered 200 with its
 * webhookResponse (or n8n's default message); `noWebhookResponse` leaves the answer to the node;
 * workflowData is answered "Workflow was started" and then run through WorkflowExecute.
 *
 * Static data: held here as n8n keeps it in its database — every activation, deactivation and
 * request gets a fresh Workflow built from a JSON copy, and the copy is written back only when
 * the node changed it (n8n's __dataChanged). `setNodeType()` swaps in a freshly loaded node
 * module, which is what a restart does to the trigger's in-process memory.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

import { HookContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { buildAdditionalData, executeWorkflow, fullType, makeNodeTypes } from './engine.cjs';

export interface TriggerHostOptions {
	/** The trigger's name inside the package (default apideckCrmTrigger). */
	type?: string;
	/** Of the credential type the trigger asks for. */
	credentials: ICredentialDataDecryptedObject;
	parameters: INodeParameters;
	/** Another instance of the trigger class (e.g. loaded with jest.isolateModules). */
	nodeType?: INodeType;
	workflowId?: string;
	/**
	 * Which n8n's static-data saving to imitate. n8n 1.x saves a webhook request's copy after
	 * webhook() returns; n8n 2.x skips that save when the request starts a workflow (it builds the
	 * run's workflow on the same static data, which clears n8n's changed flag first).
	 */
	staticDataSaving?: 'n8n 1.x' | 'n8n 2.x';
}

export interface HostResponse {
	status: number;
	body: string;
}

export interface TriggerHost {
	url: string;
	webhookUrl: string;
	node: INode;
	/** The persisted static data of the workflow (n8n's database column). */
	staticData: IDataObject;
	/** The trigger node's part of it (getWorkflowStaticData('node')). */
	nodeStaticData: IDataObject;
	/** The trigger's output items, one entry per execution that ran. */
	executions: INodeExecutionData[][];
	runs: IRun[];
	/** Every answer the host gave, in order. */
	responses: HostResponse[];
	/** Errors thrown out of webhook() — the trigger must never produce one. */
	webhookErrors: Error[];
	setParameters(parameters: INodeParameters): void;
	setNodeType(nodeType: INodeType): void;
	checkExists(): Promise<boolean>;
	create(): Promise<boolean>;
	delete(): Promise<boolean>;
	/** What n8n does on activation: checkExists, then create when false; delete if that fails. */
	activate(): Promise<void>;
	deactivate(): Promise<void>;
	/** Resolves once every request received so far and its execution have finished. */
	idle(): Promise<void>;
	close(): Promise<void>;
}

function readRaw(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
	if (res.headersSent) return;
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify(body));
}

const jsonCopy = <T,>(value: T): T => JSON.parse(JSON.stringify(value ?? {})) as T;

export async function startTriggerHost(options: TriggerHostOptions): Promise<TriggerHost> {
	let nodeType: INodeType | undefined = options.nodeType;
	let parameters = options.parameters;
	const workflowId = options.workflowId ?? `wf-${randomUUID().slice(0, 8)}`;
	const type = fullType(options.type ?? 'apideckCrmTrigger');
	const nodeTypes = () => makeNodeTypes(nodeType ? { [type]: nodeType } : {});
	const trigger = (): INodeType => nodeTypes().getByNameAndVersion(type, 1);
	const { displayName, credentials } = trigger().description;
	const credentialType = credentials?.[0]?.name ?? 'apideckApi';
	const node: INode = {
		id: randomUUID(),
		name: displayName,
		type,
		typeVersion: 1,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters,
		credentials: { [credentialType]: { id: 'cred-1', name: 'Trigger test' } },
	};
	let stored: IDataObject = {};
	const executions: INodeExecutionData[][] = [];
	const runs: IRun[] = [];
	const responses: HostResponse[] = [];
	const webhookErrors: Error[] = [];
	const inflight = new Set<Promise<unknown>>();
	let baseUrl = '';

	function workflow(): Workflow {
		return new Workflow({
			id: workflowId,
			name: 'trigger test',
			nodes: [{ ...node, parameters }],
			connections: {},
			active: true,
			nodeTypes: nodeTypes(),
			staticData: jsonCopy(stored),
		});
	}

	function persist(wf: Workflow) {
		if (wf.staticData.__dataChanged === true) {
			const copy = jsonCopy(wf.staticData);
			delete copy.__dataChanged;
			stored = copy;
		}
	}

	function additionalData(
		extra: Partial<IWorkflowExecuteAdditionalData> = {},
	): IWorkflowExecuteAdditionalData {
		const data = buildAdditionalData({ [credentialType]: options.credentials });
		return Object.assign(
			data,
			{ webhookBaseUrl: `${baseUrl}/webhook`, webhookTestBaseUrl: `${baseUrl}/webhook-test` },
			extra,
		);
	}

	function webhookData(wf: Workflow, data: IWorkflowExecuteAdditionalData): IWebhookData {
		const description = trigger().description.webhooks?.[0] as IWebhookDescription;
		return {
			httpMethod: 'POST',
			node: node.name,
			path: `${node.webhookId}/${description.path}`,
			webhookDescription: description,
			workflowId: wf.id,
			workflowExecuteAdditionalData: data,
			webhookId: node.webhookId,
		};
	}

	async function lifecycle(method: 'checkExists' | 'create' | 'delete'): Promise<boolean> {
		const wf = workflow();
		const data = additionalData();
		const context = new HookContext(
			wf,
			wf.getNode(node.name)!,
			data,
			'webhook',
			'activate',
			webhookData(wf, data),
		);
		try {
			const methods = trigger().webhookMethods?.default;
			if (!methods) throw new Error('The trigger has no webhook methods');
			return (await methods[method]!.call(context)) as boolean;
		} finally {
			persist(wf);
		}
	}

	async function execute(wf: Workflow, items: INodeExecutionData[][]) {
		const run = await executeWorkflow(
			wf,
			{ node: wf.getNode(node.name)!, items },
			'webhook',
			(hooks) => additionalData({ hooks }),
		);
		runs.push(run);
		executions.push(run.data.resultData.runData[node.name]?.[0]?.data?.main?.[0] ?? []);
	}

	async function handle(req: IncomingMessage, res: ServerResponse) {
		const path = new URL(req.url ?? '/', baseUrl).pathname;
		const originalEnd = res.end.bind(res);
		let answer = '';
		res.end = ((chunk?: unknown, ...rest: unknown[]) => {
			if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) answer = chunk.toString();
			responses.push({ status: res.statusCode, body: answer });
			return originalEnd(chunk as never, ...(rest as never[]));
		}) as typeof res.end;

		if (req.method !== 'POST' || path !== `/webhook/${node.webhookId}/webhook`) {
			await readRaw(req);
			return sendJson(res, 404, { code: 404, message: 'The requested webhook is not registered.' });
		}
		// n8n loads the workflow, static data included, before it reads the body.
		const wf = workflow();
		const raw = await readRaw(req);
		const request = req as IncomingMessage & { body?: unknown; params: object; query: object };
		const contentType = String(req.headers['content-type'] ?? '')
			.split(';')[0]
			.trim()
			.toLowerCase();
		request.rawBody = raw;
		request.contentType = contentType || undefined;
		request.params = {};
		request.query = Object.fromEntries(new URL(req.url ?? '/', baseUrl).searchParams);
		if (raw.length && contentType === 'application/json') {
			try {
				request.body = JSON.parse(raw.toString('utf8').replace(/^\uFEFF/, ''));
			} catch (error) {
				return sendJson(res, 422, {
					code: 422,
					message: 'Failed to parse request body',
					hint: (error as Error).message,
				});
			}
		} else if (raw.length && contentType === 'text/plain') {
			request.body = raw.toString('utf8');
		}
		request.body ??= {};

		const data = additionalData({ httpRequest: request as never, httpResponse: res as never });
		const context = new WebhookContext(
			wf,
			wf.getNode(node.name)!,
			data,
			'webhook',
			webhookData(wf, data),
			[],
			null,
		);
		let result: IWebhookResponseData;
		try {
			result = await trigger().webhook!.call(context);
		} catch (error) {
			webhookErrors.push(error as Error);
			return sendJson(res, 500, {
				code: 0,
				message: 'Workflow Webhook Error: Workflow could not be started!',
			});
		}
		if (result.workflowData === undefined || options.staticDataSaving !== 'n8n 2.x') persist(wf);
		if (result.noWebhookResponse) return;
		if (result.workflowData === undefined) {
			return sendJson(res, 200, result.webhookResponse ?? { message: 'Webhook call received' });
		}
		sendJson(res, 200, { message: 'Workflow was started' });
		await execute(wf, result.workflowData);
	}

	const server: Server = createServer((req, res) => {
		const job = handle(req, res).catch((error: Error) => {
			webhookErrors.push(error);
			sendJson(res, 500, { message: error.message });
		});
		inflight.add(job);
		void job.finally(() => inflight.delete(job));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	return {
		url: baseUrl,
		webhookUrl: `${baseUrl}/webhook/${node.webhookId}/webhook`,
		node,
		get staticData() {
			return stored;
		},
		get nodeStaticData() {
			return (stored[`node:${node.name}`] as IDataObject | undefined) ?? {};
		},
		executions,
		runs,
		responses,
		webhookErrors,
		setParameters: (next) => {
			parameters = next;
		},
		setNodeType: (next) => {
			nodeType = next;
		},
		checkExists: () => lifecycle('checkExists'),
		create: () => lifecycle('create'),
		delete: () => lifecycle('delete'),
		async activate() {
			try {
				if (!(await lifecycle('checkExists'))) await lifecycle('create');
			} catch (error) {
				await lifecycle('delete').catch(() => false);
				throw error;
			}
		},
		async deactivate() {
			await lifecycle('delete');
		},
		async idle() {
			while (inflight.size) await Promise.all(inflight);
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
