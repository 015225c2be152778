import { createHmac } from 'node:crypto';

import { canonicalJson, isValidSignature } from '../../nodes/ApideckCrmTrigger/signature';
import { signBody } from '../../sandbox/apideck/index.cjs';

const KEY = 'unit-test-key';
const body = {
	payload: { z: 1, a: [{ y: 2, b: 3 }, 'x', [{ d: 4, c: 5 }]], m: { k: null, j: 'é' } },
};

describe('canonicalJson', () => {
	it('sorts object keys at every depth and keeps arrays in order', () => {
		expect(canonicalJson(body)).toBe(
			'{"payload":{"a":[{"b":3,"y":2},"x",[{"c":5,"d":4}]],"m":{"j":"é","k":null},"z":1}}',
		);
	});
});

describe('isValidSignature', () => {
	const digest = createHmac('sha256', KEY).update(canonicalJson(body)).digest();

	it.each([
		['hex', digest.toString('hex')],
		['upper-case hex', digest.toString('hex').toUpperCase()],
		['base64', digest.toString('base64')],
		['base64url', digest.toString('base64url')],
		['a sha256= prefix', `sha256=${digest.toString('hex')}`],
	])('accepts %s', (_label, signature) => {
		expect(isValidSignature(body, signature, KEY)).toBe(true);
	});

	it('agrees with the sandbox, which signs like Apideck', () => {
		expect(isValidSignature(body, signBody(JSON.stringify(body), KEY, 'hex'), KEY)).toBe(true);
		expect(isValidSignature(body, signBody(body, KEY, 'base64'), KEY)).toBe(true);
	});

	it.each([
		['a missing signature', undefined, KEY],
		['an empty API key', digest.toString('hex'), ''],
		['another key', createHmac('sha256', 'other').update(canonicalJson(body)).digest('hex'), KEY],
		['a truncated digest', digest.toString('hex').slice(0, 62), KEY],
		[
			'a digest of the unsorted JSON',
			createHmac('sha256', KEY).update(JSON.stringify(body)).digest('hex'),
			KEY,
		],
		[
			'array items swapped',
			signBody({ payload: { ...body.payload, a: [...body.payload.a].reverse() } }, KEY),
			KEY,
		],
	])('rejects %s', (_label, signature, key) => {
		expect(isValidSignature(body, signature, key)).toBe(false);
	});
});
