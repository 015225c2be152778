import type { IDataObject } from 'n8n-workflow';

import { sandboxCredentials } from '../helpers/sandbox-credentials.cjs';
import type { Sandbox } from '../../sandbox/apideck/index.cjs';

/** What the sandbox received, without the noise: method, path and parsed query. */
export const sent = (sandbox: Sandbox) =>
	sandbox.requests.map((r) => ({ method: r.method, path: r.path, query: r.query as IDataObject }));

/** Credential of the seeded sandbox: consumer test-consumer (salesforce, hubspot). */
export const credentials = (sandbox: Sandbox, serviceId = '') =>
	sandboxCredentials(sandbox, { serviceId });

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
