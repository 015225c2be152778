import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeCredentialsDetails,
	INodeProperties,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

import { ApideckApi } from '../../credentials/ApideckApi.credentials';
import { TrutoApi } from '../../credentials/TrutoApi.credentials';

/**
 * Generic authentication as n8n applies it: each header, query or body value of the credential
 * type, with `{{$credentials.x}}` filled from the decrypted credential.
 */
function genericAuth(
	authenticate: IAuthenticateGeneric,
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	const fill = (value: unknown) =>
		String(value)
			.replace(/^=/, '')
			.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_m, key: string) =>
				String(credentials[key] ?? ''),
			);
	const out: IHttpRequestOptions = { ...requestOptions };
	const { headers, qs } = authenticate.properties;
	if (headers) {
		out.headers = { ...requestOptions.headers };
		for (const [name, value] of Object.entries(headers)) out.headers[name] = fill(value);
	}
	if (qs) {
		out.qs = { ...requestOptions.qs };
		for (const [name, value] of Object.entries(qs)) out.qs[name] = fill(value);
	}
	return out;
}

/**
 * Stands in for n8n's credential store: hands the node decrypted test credentials and
 * authenticates requests with the credential type's own `authenticate`, as n8n does.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly types: Record<string, ICredentialType> = {
		apideckApi: new ApideckApi(),
		trutoApi: new TrutoApi(),
	};

	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.types[typeName]?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate?.type === 'generic')
			return genericAuth(authenticate, credentials, requestOptions);
		return requestOptions;
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails): Promise<ICredentials> {
		throw new Error(`getCredentials is not used in tests (${nodeCredentials.name})`);
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		return { ...data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return [];
	}
}
