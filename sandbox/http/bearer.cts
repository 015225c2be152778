import { header, type RecordedRequest } from './types.cjs';

/**
 * What is wrong with the request's `Authorization: Bearer <secret>`, or undefined when it carries
 * `expected`. `noun` names the secret in messages ('API key'); messages never repeat what was sent.
 */
export function bearerProblem(
	headers: RecordedRequest['headers'],
	expected: string,
	noun: string,
): string | undefined {
	const authorization = header(headers, 'authorization');
	if (!authorization) return `Missing Authorization header: send Authorization: Bearer <${noun}>`;
	const match = /^Bearer\s+(.+)$/i.exec(authorization);
	if (!match) return 'The Authorization header must use the Bearer scheme';
	if (match[1] !== expected) return `The ${noun} is not valid`;
	return undefined;
}
