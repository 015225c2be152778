/** Size of what the editor loads for a node: its description as JSON (n8n serves it gzipped). */
import { gzipSync } from 'node:zlib';
import type { INodeTypeDescription } from 'n8n-workflow';

export interface DescriptionSize {
	name: string;
	properties: number;
	jsonBytes: number;
	gzipBytes: number;
}

export function descriptionSize(name: string, description: INodeTypeDescription): DescriptionSize {
	const json = JSON.stringify(description);
	return {
		name,
		properties: description.properties.length,
		jsonBytes: Buffer.byteLength(json),
		gzipBytes: gzipSync(json).length,
	};
}
