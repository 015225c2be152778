import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { credentialProblem, redirectRules, responseCodeRules } from '../nodes/shared/core';
import { DEFAULT_BASE_URL } from '../nodes/shared/truto/credential';

export class TrutoApi implements ICredentialType {
	name = 'trutoApi';

	displayName = 'Truto API';

	icon: Icon = { light: 'file:../icons/truto.svg', dark: 'file:../icons/truto.dark.svg' };

	documentationUrl = 'https://truto.one/docs/api-reference/overview/introduction';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Created in the Truto dashboard under Settings → API Tokens. A token belongs to one environment.',
		},
		{
			displayName: 'Default Integrated Account ID',
			name: 'integratedAccountId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 62f44730-dd91-461e-bd6a-aedd9e0ad79d',
			description:
				"The customer's CRM connection to use when a node does not choose one. Nodes can pick another account, per item if needed.",
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description: 'Change only to go through a proxy or to use a local Truto sandbox',
		},
	];

	// A function rather than generic auth, so that an unusable token or Base URL is refused
	// before anything is sent (the credential test included).
	authenticate: IAuthenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const problem = credentialProblem(
			String(credentials.apiToken ?? ''),
			'API token',
			String(credentials.baseUrl || DEFAULT_BASE_URL),
		);
		if (problem) throw new UserError(problem);
		return {
			...requestOptions,
			headers: {
				...requestOptions.headers,
				Authorization: `Bearer ${String(credentials.apiToken)}`,
			},
		};
	};

	// Reading the default integrated account proves the token and the account at once; without
	// a default, listing the environment's accounts proves the token.
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ ($credentials.baseUrl || "${DEFAULT_BASE_URL}").trim().replace(/\\/+$/, "") }}`,
			url: '={{ ($credentials.integratedAccountId || "").trim() ? "/integrated-account/" + encodeURIComponent($credentials.integratedAccountId.trim()) : "/integrated-account" }}',
			qs: { limit: 1 },
			disableFollowRedirect: true,
		},
		rules: [
			...responseCodeRules({
				401: 'Truto rejected this API token. Copy it again from the Truto dashboard (Settings → API Tokens).',
				403: 'This API token may not read integrated accounts. Check its permissions in Truto.',
				404: `The Default Integrated Account ID is not an account of this token's environment, or nothing answers at this Base URL (leave it at ${DEFAULT_BASE_URL} unless you use a proxy).`,
			}),
			...redirectRules('API token'),
		],
	};
}
