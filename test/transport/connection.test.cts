/**
 * The credential's Base URL and API key are checked before anything is sent: a Base URL with a
 * query or fragment would send every call to "/", a plain-http one sends the key in clear, and
 * a key shorter than 8 characters could not be told apart from ordinary text to redact it.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { checkBaseUrl } from '../../nodes/shared/core';
import { probe } from '../helpers/probe.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';

const sandbox = useSandbox({ reset: 'requests' });

const getLeads = (credentials: ICredentialDataDecryptedObject) =>
	probe(sandbox, { path: '/crm/leads' }, credentials);

describe('Base URL', () => {
	test.each([
		['a fragment', (url: string) => `${url}/#`, /contains "\?" or "#"/],
		['a query', (url: string) => `${url}?region=eu`, /contains "\?" or "#"/],
		['an empty query', (url: string) => `${url}/?`, /contains "\?" or "#"/],
		[
			'plain http to another host',
			(url: string) => url.replace('127.0.0.1', '127.0.0.2'),
			/must start with https:\/\//,
		],
		['another scheme', () => 'ftp://unify.apideck.com', /must start with https:\/\//],
		['no URL at all', () => 'unify.apideck.com', /is not a URL/],
		[
			'a user and password',
			(url: string) => url.replace('//', '//me:pw@'),
			/user name or password/,
		],
	])('with %s is refused before any request', async (_case, make, problem) => {
		const { error } = await getLeads({ baseUrl: make(sandbox.url) });
		expect(error?.message).toMatch(/^The Base URL of the Apideck credential is not usable: /);
		expect(error?.message).toMatch(problem);
		expect(sandbox.requests).toEqual([]);
	});

	test('trailing slashes are tolerated', async () => {
		const { error } = await getLeads({ baseUrl: `${sandbox.url}///` });
		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => r.path)).toEqual(['/crm/leads']);
	});

	test('http is accepted for this machine only; paths are kept', () => {
		expect(checkBaseUrl('http://localhost:4010/')).toEqual({
			ok: true,
			value: 'http://localhost:4010',
		});
		expect(checkBaseUrl('http://[::1]:4010').ok).toBe(true);
		expect(checkBaseUrl(' https://proxy.example/apideck/ ')).toEqual({
			ok: true,
			value: 'https://proxy.example/apideck',
		});
		expect(checkBaseUrl('http://unify.apideck.com').ok).toBe(false);
	});
});

describe('API key', () => {
	test.each([
		['empty', '', /The Apideck API key is empty/],
		['7 characters', 'abc1234', /only 7 characters long; a real one has at least 8/],
	])('%s is refused before any request, without repeating it', async (_case, apiKey, problem) => {
		const { error } = await getLeads({ apiKey });
		expect(error?.message).toMatch(problem);
		expect(sandbox.requests).toEqual([]);
		if (apiKey) expect(JSON.stringify(error)).not.toContain(apiKey);
	});
});
