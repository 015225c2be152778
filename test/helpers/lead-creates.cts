import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox/apideck/index.cjs';
import { runNode } from './engine.cjs';
import { sandboxCredentials } from './sandbox-credentials.cjs';

/** "Lead 0", "Lead 1", … */
export const leadNames = (n: number) => Array.from({ length: n }, (_, i) => `Lead ${i}`);

/** One Apideck lead create per name (Return Full Record off unless `options` says otherwise). */
export const createLeads = (
	sandbox: Sandbox,
	names: string[],
	options: IDataObject = {},
	continueOnFail = false,
) =>
	runNode({
		type: 'apideckCrm',
		parameters: {
			resource: 'lead',
			operation: 'create',
			name: '={{ $json.name }}',
			additionalFields: {},
			options: { returnRecord: false, ...options },
		},
		credentials: sandboxCredentials(sandbox),
		input: names.map((name) => ({ json: { name } })),
		continueOnFail,
	});
