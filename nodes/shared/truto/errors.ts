import type { IDataObject } from 'n8n-workflow';

import type { FailedResponse, FailureReport } from '../core';
import { asText, unreadableBodyLine } from '../core';
import { CRM_WORDING, fallbackWording, TRUTO_WORDING } from './hints';

const MAX_SAID = 300;
const MAX_RAW = 600;

const cut = (text: string, max: number) =>
	text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;

/** The message inside a CRM's own error body, whatever its shape (message, error, errors[…]). */
function crmMessage(raw: unknown): string {
	if (typeof raw === 'string') return raw.trim();
	if (!raw || typeof raw !== 'object') return '';
	const body = raw as IDataObject;
	for (const key of ['message', 'error_description', 'error', 'detail', 'title']) {
		const value = body[key];
		if (typeof value === 'string' && value.trim()) return value.trim();
		if (value && typeof value === 'object') {
			const nested = crmMessage(value);
			if (nested) return nested;
		}
	}
	const list = Array.isArray(raw) ? raw : (body.errors ?? body.errorMessages);
	if (Array.isArray(list) && list.length) return crmMessage(list[0]);
	return '';
}

const INSIGHT_NAMES: Record<string, string> = {
	missing_required_query_parameters: 'Missing query parameters',
	missing_required_body_fields: 'Missing fields',
	conditionally_required_query_parameters: 'Query parameters this CRM needs',
	conditionally_required_body_fields: 'Fields this CRM needs',
	rate_limit_error: 'Rate limit',
	forbidden_error: 'Permission',
	remote_error: 'CRM error',
};

/** Truto's hints (truto_error_insight), each `{ description, value }` keyed by kind. */
function insightLines(insight: unknown): string[] {
	if (!insight || typeof insight !== 'object') return [];
	return Object.entries(insight as IDataObject)
		.filter(([kind]) => kind !== 'remote_error')
		.map(([kind, entry]) => {
			const { description, value } = (entry ?? {}) as IDataObject;
			const name = INSIGHT_NAMES[kind] ?? kind;
			const values = Array.isArray(value) ? value.map(asText).join(', ') : asText(value);
			return `${name}: ${[asText(description), values].filter(Boolean).join(' — ')}`;
		});
}

function failureLines(details: unknown): string[] {
	const failures = (details as IDataObject | undefined)?.failures;
	if (!Array.isArray(failures)) return [];
	return failures.map((entry) => {
		const { field, message } = (entry ?? {}) as IDataObject;
		return `  • ${asText(message) || asText(field) || asText(entry)}`;
	});
}

/**
 * Reads a Truto error answer ({ statusCode, error, message } and, when the CRM answered,
 * truto_is_remote_error and raw_response): the headline says who refused and what they said;
 * the CRM's own answer, Truto's insight and validation failures become description lines.
 * `unified`: the request was a unified call, where Truto's own 503 means a blocked account.
 */
export function describeTrutoFailure(response: FailedResponse, unified = true): FailureReport {
	const { statusCode } = response;
	const body: IDataObject =
		response.body && typeof response.body === 'object' && !Array.isArray(response.body)
			? (response.body as IDataObject)
			: {};
	const trutoWording = unified || statusCode !== 503 ? TRUTO_WORDING[statusCode] : undefined;
	if (!Object.keys(body).length) {
		const { title, hint } = trutoWording ?? fallbackWording(statusCode, false);
		return { title, lines: [unreadableBodyLine('Truto', response)], hint };
	}
	const remote = body.truto_is_remote_error === true;
	const wording =
		(remote ? CRM_WORDING[statusCode] : trutoWording) ?? fallbackWording(statusCode, remote);
	const said = asText(body.message).trim();
	const crmSaid = remote ? crmMessage(body.raw_response) : '';
	const headlineSaid = said || crmSaid;

	const lines: string[] = [];
	if (crmSaid && crmSaid !== headlineSaid) lines.push(`The CRM said: ${cut(crmSaid, MAX_SAID)}`);
	if (remote && body.raw_response !== undefined && body.raw_response !== null) {
		lines.push(`The CRM's answer: ${cut(asText(body.raw_response), MAX_RAW)}`);
	}
	lines.push(...failureLines(body.details), ...insightLines(body.truto_error_insight));
	return {
		title: headlineSaid ? `${wording.title}: ${cut(headlineSaid, MAX_SAID)}` : wording.title,
		lines,
		hint: wording.hint,
	};
}

/** Truto answers 503 when the integrated account is blocked: retrying cannot help. */
export const isBlockedAccount = (response: FailedResponse) =>
	response.statusCode === 503 &&
	!(
		response.body &&
		typeof response.body === 'object' &&
		(response.body as IDataObject).truto_is_remote_error === true
	);
