import type { IDataObject } from 'n8n-workflow';

import { asText } from '../core';

const isObject = (value: unknown): value is IDataObject =>
	!!value && typeof value === 'object' && !Array.isArray(value);

/** `[{ name: 'required' }, 'email']` → ['name', 'email']. */
const fieldNames = (entries: unknown[]): string[] =>
	entries.flatMap((entry) => (isObject(entry) ? Object.keys(entry) : [asText(entry)]));

/** `[{ 'emails[0].email': 'is not an email address' }]` → ['emails[0].email is not an email address']. */
const fieldReasons = (entries: unknown[]): string[] =>
	entries.flatMap((entry) =>
		isObject(entry)
			? Object.entries(entry).map(([field, reason]) => `${field} ${asText(reason)}`)
			: [asText(entry)],
	);

const MAX_PAIRS = 40;
const MAX_DEPTH = 6;

/** Nested values as `a.b: value` pairs, for detail objects of no known shape (bounded). */
function pairs(value: unknown, prefix: string, out: string[], depth = 0): string[] {
	if (out.length >= MAX_PAIRS) return out;
	if ((!isObject(value) && !Array.isArray(value)) || depth >= MAX_DEPTH) {
		out.push(`${prefix}: ${asText(value)}`);
		return out;
	}
	const entries = Array.isArray(value)
		? value.map((v, i) => [String(i), v])
		: Object.entries(value);
	for (const [key, child] of entries) pairs(child, `${prefix}.${key}`, out, depth + 1);
	return out;
}

const DOWNSTREAM_KEYS = new Set(['downstream_errors', 'errors']);

/**
 * Apideck's `detail` as a sentence, when it is one or has a known shape: a string as it is, a
 * record not found, missing or invalid fields, a nested message. Empty otherwise.
 */
export function detailSentence(detail: unknown): string {
	if (detail === undefined || detail === null) return '';
	if (!isObject(detail)) return asText(detail).trim();
	const notFound = detail.not_found;
	if (isObject(notFound) && notFound.id !== undefined) {
		return `No ${asText(notFound.entity) || 'record'} with ID ${asText(notFound.id)}`;
	}
	const sentences: string[] = [];
	if (Array.isArray(detail.missing) && detail.missing.length) {
		const names = fieldNames(detail.missing);
		sentences.push(`Missing required field${names.length > 1 ? 's' : ''}: ${names.join(', ')}`);
	}
	if (Array.isArray(detail.invalid) && detail.invalid.length) {
		sentences.push(...fieldReasons(detail.invalid));
	}
	if (typeof detail.message === 'string' && detail.message) sentences.push(detail.message);
	return sentences.join('; ');
}

/**
 * Apideck's `detail` in words: its sentence (see detailSentence), else its values as
 * `key: value` pairs. The CRM's own errors inside it are listed apart (see downstreamErrors).
 */
export function detailInWords(detail: unknown): string {
	const sentence = detailSentence(detail);
	if (sentence || !isObject(detail)) return sentence;
	const out: string[] = [];
	for (const [key, value] of Object.entries(detail)) {
		if (!DOWNSTREAM_KEYS.has(key)) pairs(value, key, out);
	}
	return out.join('; ');
}

/** The CRM's own errors, from the answer or its detail: each message with its detail. */
export function downstreamErrors(body: IDataObject): string[] {
	const detail = isObject(body.detail) ? body.detail : {};
	const list = [body.downstream_errors, detail.downstream_errors, detail.errors].find(
		Array.isArray,
	);
	return ((list as unknown[] | undefined) ?? []).map((entry) => {
		if (!isObject(entry)) return asText(entry);
		const message = asText(entry.message);
		const more = asText(entry.detail);
		return message && more && more !== message ? `${message} (${more})` : message || more;
	});
}
