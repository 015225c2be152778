/**
 * Headlines and hints for Truto's errors, by status. `remote` entries are for errors the CRM
 * behind the integrated account answered (truto_is_remote_error), the others for Truto's own.
 */
interface Wording {
	title: string;
	hint?: string;
}

const RATE_HINT =
	'Too many requests: lower Items in Parallel, set Max Requests per Second under Options, or try again later.';

export const TRUTO_WORDING: Record<number, Wording> = {
	400: { title: 'Truto rejected the request', hint: 'Fix the values named above and run again.' },
	401: {
		title: 'Truto rejected the API token',
		hint: 'Check the API token in the Truto credential (Truto dashboard → Settings → API Tokens). A token works only in the environment it was created in.',
	},
	403: {
		title: 'Truto refused access',
		hint: 'This token or integrated account may not use this. Check its environment and permissions in Truto.',
	},
	404: {
		title: 'Truto found nothing to answer this',
		hint: 'The integrated account ID may be wrong, or its CRM may not offer this operation through Truto. Pick the account from the list, or try another operation.',
	},
	405: {
		title: 'Truto does not allow this on this integrated account',
		hint: 'Sandbox integrated accounts in Truto are read-only: use a live account for writes.',
	},
	429: { title: "Truto's rate limit was reached", hint: RATE_HINT },
	503: {
		title: 'The integrated account is blocked in Truto',
		hint: 'Unblock the integrated account in the Truto dashboard. Requests to it fail until then, so they are not retried.',
	},
};

export const CRM_WORDING: Record<number, Wording> = {
	400: {
		title: 'The CRM rejected the request',
		hint: 'Fix the values the CRM names and run again.',
	},
	401: {
		title: "The CRM rejected the integrated account's credentials",
		hint: 'Reconnect this integrated account in Truto (its CRM login expired or was revoked), then run again.',
	},
	403: {
		title: 'The CRM refused access',
		hint: 'The connection may lack a permission (OAuth scope) for this. Reconnect the integrated account in Truto with the needed permissions.',
	},
	404: {
		title: 'The CRM found no such record',
		hint: 'Check the ID: the record may not exist in this CRM, or was deleted.',
	},
	409: {
		title: 'The CRM reported a conflict',
		hint: 'The record changed or already exists; read it again and retry.',
	},
	422: { title: 'The CRM rejected the data', hint: 'Fix the values the CRM names and run again.' },
	429: { title: "The CRM's rate limit was reached", hint: RATE_HINT },
};

/** The wording of any other status. */
export function fallbackWording(statusCode: number, remote: boolean): Wording {
	const who = remote ? 'The CRM' : 'Truto';
	if (statusCode >= 500)
		return {
			title: remote ? 'The CRM failed to answer' : 'Truto failed to answer',
			hint: `${who} had a problem on its side. Try again later.`,
		};
	return { title: `${who} answered ${statusCode}` };
}
