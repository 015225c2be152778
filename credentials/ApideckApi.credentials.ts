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

import { DEFAULT_BASE_URL } from '../nodes/shared/apideck/credential';
import { credentialProblem, redirectRules, responseCodeRules } from '../nodes/shared/core';

const hasHeader = (headers: IHttpRequestOptions['headers'], name: string) =>
	Object.keys(headers ?? {}).some((key) => key.toLowerCase() === name);

// authenticate() runs for the credential test's request too, so the test shows its messages.
const problemOf = (credentials: ICredentialDataDecryptedObject) =>
	credentialProblem(
		String(credentials.apiKey ?? ''),
		'API key',
		String(credentials.baseUrl || DEFAULT_BASE_URL),
	);

export class ApideckApi implements ICredentialType {
	name = 'apideckApi';

	displayName = 'Apideck API';

	icon: Icon = { light: 'file:../icons/apideck.svg', dark: 'file:../icons/apideck.dark.svg' };

	documentationUrl = 'https://developers.apideck.com/guides/getting-started';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Found in the Apideck dashboard under Configuration → API Keys',
		},
		{
			displayName: 'Application ID',
			name: 'appId',
			type: 'string',
			default: '',
			required: true,
			description: 'Shown next to the API key in the Apideck dashboard',
		},
		{
			displayName: 'Consumer ID',
			name: 'consumerId',
			type: 'string',
			default: '',
			required: true,
			description:
				'The ID of the customer (consumer) whose connected CRM you want to use, as created in Apideck Vault. Operations can override it per item.',
		},
		{
			displayName: 'Service ID',
			name: 'serviceId',
			type: 'string',
			default: '',
			placeholder: 'e.g. salesforce',
			description:
				'Default CRM connector, such as salesforce, hubspot or pipedrive. Leave empty when the consumer has only one CRM connected.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description: 'Change only to go through a proxy or to use a local Apideck sandbox',
		},
	];

	// A function rather than generic auth: per-call consumer/service overrides set by the node
	// must win over the credential defaults, and generic auth would overwrite them.
	authenticate: IAuthenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const problem = problemOf(credentials);
		if (problem) throw new UserError(problem);
		const headers = { ...(requestOptions.headers ?? {}) };
		headers.Authorization = `Bearer ${credentials.apiKey as string}`;
		headers['x-apideck-app-id'] = credentials.appId as string;
		if (!hasHeader(headers, 'x-apideck-consumer-id') && credentials.consumerId) {
			headers['x-apideck-consumer-id'] = credentials.consumerId as string;
		}
		if (!hasHeader(headers, 'x-apideck-service-id') && credentials.serviceId) {
			headers['x-apideck-service-id'] = credentials.serviceId as string;
		}
		return { ...requestOptions, headers };
	};

	// Listing the consumer's Vault connections proves the key, the application and the consumer at once.
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ ($credentials.baseUrl || "${DEFAULT_BASE_URL}").replace(/\\/+$/, "") }}`,
			url: '/vault/connections',
			qs: { api: 'crm' },
			disableFollowRedirect: true,
		},
		rules: [
			...responseCodeRules({
				401: 'Apideck rejected these credentials. Check the API key, the application ID and the consumer ID.',
				403: 'This API key may not use this application or consumer. Check both IDs in the Apideck dashboard.',
				404: `Nothing answered at this Base URL. Leave it at ${DEFAULT_BASE_URL} unless you use a proxy.`,
			}),
			...redirectRules('API key'),
		],
	};
}
