// Value checks on a create or update body, answered as Apideck answers invalid params: a 400
// RequestValidationError whose detail names each field and what is wrong with it. The spec fixes
// the error's shape, not the wording: `detail.invalid` is a list of { "<field path>": "<reason>" },
// as `detail.missing` is for required fields.
import { validationError } from './errors.cjs';
import { isObject } from '../http/types.cjs';
import type { JsonObject, SandboxResponse } from './types.cjs';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function emailProblems(emails: unknown): Record<string, string>[] {
	if (emails === undefined || emails === null) return [];
	if (!Array.isArray(emails)) return [{ emails: 'must be a list of { email, type } objects' }];
	return emails.flatMap((entry, index) => {
		const email = isObject(entry) ? entry.email : undefined;
		return typeof email === 'string' && EMAIL.test(email)
			? []
			: [{ [`emails[${index}].email`]: `is not an email address: ${JSON.stringify(email)}` }];
	});
}

/** The 400 answer for a body with invalid values, or undefined when every value is acceptable. */
export function invalidParams(body: JsonObject): SandboxResponse | undefined {
	const invalid = emailProblems(body.emails);
	return invalid.length ? validationError('Invalid Params', { invalid }) : undefined;
}
