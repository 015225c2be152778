/**
 * The lead-routing templates, ready to save into an n8n: every node of the package bound to one
 * credential. Nothing else changes, so the demo and the e2e tests run the files as shipped.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { WorkflowInput, WorkflowNode } from '../n8n/rest-client.cjs';

export const TEMPLATE_PATH = resolve(__dirname, '../../templates/lead-routing.json');
export const TRUTO_TEMPLATE_PATH = resolve(__dirname, '../../templates/lead-routing-truto.json');
export const TEMPLATE_TRIGGER = 'New Lead';

export function readTemplate(path = TEMPLATE_PATH): WorkflowInput & { nodes: WorkflowNode[] } {
	return JSON.parse(readFileSync(path, 'utf8')) as WorkflowInput & { nodes: WorkflowNode[] };
}

/** The template at `path` with every node that uses `credentialType` bound to `credential`. */
export function templateWorkflow(
	path: string,
	credentialType: string,
	credential: { id: string; name: string },
): WorkflowInput {
	const template = readTemplate(path);
	const nodes = template.nodes.map((node) =>
		node.credentials?.[credentialType]
			? { ...node, credentials: { ...node.credentials, [credentialType]: { ...credential } } }
			: node,
	);
	return { ...template, nodes };
}

export const leadRoutingWorkflow = (credential: { id: string; name: string }) =>
	templateWorkflow(TEMPLATE_PATH, 'apideckApi', credential);

/** Production URL n8n gives the template's trigger: <base>/webhook/<webhookId>/webhook. */
export function triggerUrl(webhookBaseUrl: string, path = TEMPLATE_PATH): string {
	const trigger = readTemplate(path).nodes.find((n) => n.name === TEMPLATE_TRIGGER);
	if (!trigger?.webhookId) throw new Error('the template trigger has no fixed webhookId');
	return `${webhookBaseUrl}${trigger.webhookId}/webhook`;
}
