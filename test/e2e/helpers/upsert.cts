/**
 * The Create or Update (`upsert`) operation is built in parallel (issue 4). Its parameters are
 * read from the node type n8n loaded, and filled by name: the match value (email for leads and
 * contacts, name for companies), the create fields, and a description that proves an update.
 * When the description does not fit these rules, the error lists what it found.
 */
import type { INodeProperties } from 'n8n-workflow';

export interface UpsertCase {
	resource: 'lead' | 'contact' | 'company';
	/** What the record is matched on. */
	matchField: 'email' | 'name';
	match: string;
	name: string;
}

const shown = (p: INodeProperties, resource: string, operation: string) =>
	p.displayOptions?.show?.resource?.includes(resource) &&
	p.displayOptions?.show?.operation?.includes(operation);

export function upsertProperties(props: INodeProperties[], resource: string): INodeProperties[] {
	return props.filter((p) => shown(p, resource, 'upsert'));
}

export function upsertParameters(
	props: INodeProperties[],
	c: UpsertCase,
	description: string,
): Record<string, unknown> {
	const mine = upsertProperties(props, c.resource);
	const params: Record<string, unknown> = { resource: c.resource, operation: 'upsert' };
	let matchSet = false;
	let descriptionSet = false;
	for (const p of mine) {
		if (p.type === 'string' && /email/i.test(p.name)) {
			params[p.name] = c.match;
			matchSet = true;
		} else if (p.type === 'string' && (p.name === 'name' || /match|name/i.test(p.name))) {
			params[p.name] = c.matchField === 'name' ? c.match : c.name;
			if (c.matchField === 'name') matchSet = true;
		} else if (p.type === 'collection') {
			const options = (p.options ?? []) as INodeProperties[];
			const value: Record<string, unknown> = {};
			if (options.some((o) => o.name === 'description')) {
				value.description = description;
				descriptionSet = true;
			}
			if (!matchSet && c.matchField === 'email' && options.some((o) => o.name === 'emails')) {
				value.emails = { values: [{ email: c.match, type: 'primary' }] };
			}
			if (c.resource !== 'company' && options.some((o) => o.name === 'name') && !params.name) {
				value.name = c.name;
			}
			if (Object.keys(value).length) params[p.name] = { ...(params[p.name] as object), ...value };
		}
	}
	const emailsInCollection = Object.values(params).some(
		(v) => v && typeof v === 'object' && 'emails' in (v as object),
	);
	if (!(matchSet || emailsInCollection) || !descriptionSet) {
		throw new Error(
			`Cannot fill the ${c.resource} upsert parameters from the node description; adapt test/e2e/helpers/upsert.cts. Found: ${mine
				.map((p) => `${p.name}:${p.type}${p.required ? '*' : ''}`)
				.join(', ')}`,
		);
	}
	return params;
}
