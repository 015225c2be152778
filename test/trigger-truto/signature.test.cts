/**
 * x-truto-signature: `format=sha256,v=<HMAC-SHA256 of the raw body>`, hex or base64, compared
 * in constant time against the exact bytes received.
 */
import { createHmac } from 'node:crypto';

import { isTrutoSignature, signatureDigests } from '../../nodes/TrutoCrmTrigger/signature';
import { trutoSignature } from '../../sandbox/truto/index.cjs';

const SECRET = '7b0c6f2e-5c1d-4e8a-9f3b-2a1d0c9e8f7a';
const body = '{"id":"evt-1","event":"record:created","payload":{"record":{"id":"1","name":"Zoë"}}}';
const digest = createHmac('sha256', SECRET).update(body).digest();

describe('accepted', () => {
	it.each([
		['hex', `format=sha256,v=${digest.toString('hex')}`],
		['upper-case hex', `format=sha256,v=${digest.toString('hex').toUpperCase()}`],
		['base64', `format=sha256,v=${digest.toString('base64')}`],
		['base64url', `format=sha256,v=${digest.toString('base64url')}`],
		['spaces and another order', ` v=${digest.toString('hex')} , format=SHA256 `],
		['no format', `v=${digest.toString('hex')}`],
		['a second, matching digest', `format=sha256,v=${'0'.repeat(64)},v=${digest.toString('hex')}`],
	])('%s', (_label, header) => {
		expect(isTrutoSignature(header, body, SECRET)).toBe(true);
	});

	it('agrees with the sandbox, which signs like Truto, in both encodings', () => {
		expect(isTrutoSignature(trutoSignature(body, SECRET, 'hex'), body, SECRET)).toBe(true);
		expect(isTrutoSignature(trutoSignature(body, SECRET, 'base64'), body, SECRET)).toBe(true);
	});

	it('checks the bytes as sent, a byte-order mark included', () => {
		const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]);
		const header = `format=sha256,v=${createHmac('sha256', SECRET).update(bytes).digest('hex')}`;
		expect(isTrutoSignature(header, bytes, SECRET)).toBe(true);
		expect(isTrutoSignature(header, body, SECRET)).toBe(false);
	});
});

describe('refused', () => {
	const hex = digest.toString('hex');
	it.each([
		['no header', undefined, body, SECRET],
		['an empty header', '', body, SECRET],
		['no secret stored', `format=sha256,v=${hex}`, body, ''],
		['another secret', trutoSignature(body, 'another-secret'), body, SECRET],
		[
			'a secret off by one character',
			trutoSignature(body, `${SECRET.slice(0, -1)}b`),
			body,
			SECRET,
		],
		['a tampered body', `format=sha256,v=${hex}`, body.replace('Zoë', 'Zoe'), SECRET],
		[
			're-encoded JSON',
			`format=sha256,v=${hex}`,
			JSON.stringify(JSON.parse(body), null, 1),
			SECRET,
		],
		['a truncated digest', `format=sha256,v=${hex.slice(0, 62)}`, body, SECRET],
		['another format', `format=sha1,v=${hex}`, body, SECRET],
		['the digest without v=', `format=sha256,${hex}`, body, SECRET],
		['a bare digest', hex, body, SECRET],
		['garbage', 'format=sha256,v=not-a-digest', body, SECRET],
		['too many digests', `format=sha256${',v=0'.repeat(5)},v=${hex}`, body, SECRET],
		['a huge header', `format=sha256,v=${hex},x=${'a'.repeat(2000)}`, body, SECRET],
	])('%s', (_label, header, content, secret) => {
		expect(isTrutoSignature(header, content, secret)).toBe(false);
	});
});

it('reads every digest of the header, undefined where one is not a digest', () => {
	expect(signatureDigests(`format=sha256,v=${digest.toString('hex')},v=zz`)).toEqual([
		digest,
		undefined,
	]);
});
