/**
 * templates/lead-routing.json, ready to save into an n8n: every Apideck node bound to one
 * credential. Nothing else changes, so the demo and the e2e tests run the file as shipped.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { WorkflowInput, WorkflowNode } from '../n8n/rest-client.cjs';

export const TEMPLATE_PATH = resolve(__dirname, '../../templates/lead-routing.json');
export const TEMPLATE_TRIGGER = 'New Lead';

export function readTemplate(): WorkflowInput & { nodes: WorkflowNode[] } {
	return JSON.parse(readFileSync(TEMPLATE_PATH, 'utf8')) as WorkflowInput & {
		nodes: WorkflowNode[];
	};
}

export function leadRoutingWorkflow(credential: { id: string; name: string }): WorkflowInput {
	const template = readTemplate();
	const nodes = template.nodes.map((node) =>
		node.credentials?.apideckApi
			? { ...node, credentials: { ...node.credentials, apideckApi: { ...credential } } }
			: node,
	);
	return { ...template, nodes };
}

/** Production URL n8n gives the template's trigger: <base>/webhook/<webhookId>/webhook. */
export function triggerUrl(webhookBaseUrl: string): string {
	const trigger = readTemplate().nodes.find((n) => n.name === TEMPLATE_TRIGGER);
	if (!trigger?.webhookId) throw new Error('the template trigger has no fixed webhookId');
	return `${webhookBaseUrl}${trigger.webhookId}/webhook`;
}
