/**
 * Calls the editor-side methods of a node (loadOptions, listSearch, resourceMapping) the way
 * n8n's dynamic-node-parameters service does: through n8n-core's LoadOptionsContext, with the
 * node's current parameters and test credentials, so requests go through the real transport.
 *
 *   const options = await loadOptions('getServices', { parameters, credentials });
 *   const page = await listSearch('searchLead', { parameters, credentials }, 'ada', token);
 *   const { fields } = await resourceMapping('getCustomObjectColumns', { parameters, credentials });
 */
import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	ResourceMapperFields,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { buildAdditionalData, credentialTypeOf, fullType, makeNodeTypes } from './engine.cjs';

export interface EditorCall {
	parameters: INodeParameters;
	credentials?: ICredentialDataDecryptedObject;
	/** Parameter the editor asks for, e.g. 'parameters.id'; only matters for `&sibling` lookups. */
	path?: string;
	type?: string;
}

function context(call: EditorCall): { ctx: LoadOptionsContext; nodeType: INodeType } {
	const nodeTypes = makeNodeTypes();
	const type = fullType(call.type ?? 'apideckCrm');
	const credentialType = credentialTypeOf(nodeTypes, type);
	const node: INode = {
		id: 'editor-node',
		name: 'Editor Node',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: call.parameters,
		credentials: call.credentials
			? { [credentialType]: { id: 'cred-1', name: 'Test credential' } }
			: undefined,
	};
	const workflow = new Workflow({
		id: 'editor-workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		staticData: {},
	});
	const additionalData = buildAdditionalData(
		call.credentials ? { [credentialType]: call.credentials } : {},
	);
	additionalData.currentNodeParameters = call.parameters;
	const ctx = new LoadOptionsContext(workflow, node, additionalData, call.path ?? 'parameters.x');
	return { ctx, nodeType: nodeTypes.getByNameAndVersion(type, 1) };
}

function method<T>(
	nodeType: INodeType,
	kind: string,
	name: string,
): (...args: unknown[]) => Promise<T> {
	const found = (nodeType.methods as Record<string, Record<string, unknown>> | undefined)?.[kind]?.[
		name
	];
	if (typeof found !== 'function') throw new Error(`The node has no ${kind} method "${name}"`);
	return found as (...args: unknown[]) => Promise<T>;
}

export async function loadOptions(name: string, call: EditorCall): Promise<INodePropertyOptions[]> {
	const { ctx, nodeType } = context(call);
	return await method<INodePropertyOptions[]>(nodeType, 'loadOptions', name).call(ctx);
}

export async function listSearch(
	name: string,
	call: EditorCall,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { ctx, nodeType } = context(call);
	return await method<INodeListSearchResult>(nodeType, 'listSearch', name).call(
		ctx,
		filter,
		paginationToken,
	);
}

export async function resourceMapping(
	name: string,
	call: EditorCall,
): Promise<ResourceMapperFields> {
	const { ctx, nodeType } = context(call);
	return await method<ResourceMapperFields>(nodeType, 'resourceMapping', name).call(ctx);
}
