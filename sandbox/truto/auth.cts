// Who is calling: the bearer token (one environment), then the integrated account a unified
// call names, with the account's own failure modes.
import { bearerProblem } from '../http/bearer.cjs';
import type { RecordedRequest, SandboxResponse } from '../http/types.cjs';
import type { Accounts } from './accounts.cjs';
import { missingAccountId, remoteError, trutoError, unauthorized } from './errors.cjs';
import { integrationFor } from './integrations.cjs';
import type { CallContext } from './types.cjs';

/** Messages never repeat the token that was sent. */
export function checkToken(
	headers: RecordedRequest['headers'],
	token: string,
): SandboxResponse | undefined {
	const problem = bearerProblem(headers, token, 'API token');
	return problem === undefined ? undefined : unauthorized(problem);
}

export function resolveAccount(
	accounts: Accounts,
	query: RecordedRequest['query'],
	opts: { write: boolean; unknownStatus: 400 | 404 },
): CallContext | SandboxResponse {
	const id = query.integrated_account_id;
	if (id === undefined || id === '') return missingAccountId();
	if (typeof id !== 'string')
		return trutoError(400, 'integrated_account_id must be given once, as a plain value');
	const state = accounts.state(id);
	if (!state)
		return trutoError(
			opts.unknownStatus,
			`Integrated account ${id} does not exist in this environment`,
		);
	const integration = accounts.integrationOf(id);
	if (state.blocked)
		return trutoError(
			503,
			`Integrated account ${id} is blocked; unblock it in Truto to use it again`,
		);
	if (state.credentialsExpired) {
		const crm = integrationFor(integration);
		const message = `${crm.label} rejected the stored credentials; reconnect the integrated account`;
		return remoteError(401, message, crm.rawError('auth', 'Authentication credentials expired'));
	}
	if (opts.write && state.record.is_sandbox === true)
		return trutoError(405, `Integrated account ${id} is a sandbox account: writes are not allowed`);
	return { accountId: id, integration };
}
