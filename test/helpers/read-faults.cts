import type { Sandbox } from '../../sandbox/apideck/index.cjs';

/**
 * The next `times` reads of one lead fail with 404 "Not readable yet", as with a CRM that makes a
 * new record readable only after a while. Lists are not affected.
 */
export function leadsNotReadableYet(sandbox: Sandbox, times = 1): void {
	sandbox.faults.error({
		status: 404,
		typeName: 'EntityNotFoundError',
		message: 'Not readable yet',
		method: 'GET',
		path: /^\/crm\/leads\/[^/]+$/,
		times,
	});
}
