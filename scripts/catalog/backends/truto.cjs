/**
 * The Truto CRM catalog: what scripts/catalog/generate.cjs needs to know of the Truto reference
 * (../shared/truto/crm.yml). See generate.cjs for what each setting means.
 */
'use strict';

const refName = (s) => (s && s.$ref ? s.$ref.split('/').pop() : undefined);

// Query parameters every list takes; the others of a list are its filters.
const CONTROLS = new Set([
	'integrated_account_id',
	'limit',
	'next_cursor',
	'truto_response_format',
	'truto_key_by',
	'truto_ignore_limit',
	'truto_ignore_remote_data',
	'truto_exclude_fields',
	'remote_query',
	'truto_super_query',
]);

/** A link to another record in a write body: an object whose only property is its id. */
function isLink(schema) {
	const keys = Object.keys(schema.properties || {});
	return schema.type === 'object' && keys.length === 1 && keys[0] === 'id';
}

/**
 * A date filter is an ISO 8601 value or comparison operators (created_at[gt]=…): the node
 * offers the operators, each a date-time.
 */
function asDateRange(schema, deref) {
	const range = (schema.anyOf || []).map(deref).find((s) => s.type === 'object');
	if (!range) return schema;
	const properties = Object.fromEntries(
		Object.keys(range.properties).map((op) => [op, { type: 'string', format: 'date-time' }]),
	);
	return { type: 'object', properties };
}

module.exports = {
	id: 'truto',
	title: 'Truto unified CRM reference',
	spec: '../shared/truto/crm.yml',
	specEnv: 'TRUTO_CRM_SPEC',
	out: 'nodes/TrutoCrm/catalog/generated',

	// /unified/crm/<resource>[/{id} | /merge | /batch-delete]; the meta path starts with {resource}.
	pathPrefix: '/unified/crm/',
	// Each operation's first tag names its resource's record schema (Account, EngagementType, …).
	recordSchema: (op, { doc }) => {
		const tag = (op.tags || [])[0];
		return doc.components.schemas[tag] ? tag : undefined;
	},
	enumId: () => undefined,

	query: [
		'truto_response_format',
		'truto_ignore_remote_data',
		'truto_exclude_fields',
		'remote_query',
	],
	pagingQuery: ['next_cursor', 'limit'],
	// Truto's filters are plain query parameters of the list, not one deepObject parameter.
	filterSchema(listOp, spec) {
		const properties = {};
		for (const param of spec.queryParams(listOp)) {
			if (CONTROLS.has(param.name)) continue;
			const schema = spec.deref(param.schema || {});
			properties[param.name] =
				refName(param.schema) === 'DateFilter'
					? asDateRange(schema, spec.deref)
					: param.schema || {};
		}
		return { type: 'object', properties };
	},
	sortFields: () => [],
	// The reference lists the associations key both as accounts and as the docs' typo acocunts.
	omitFields: ['acocunts'],

	fieldType(prop, { deref }) {
		const schema = deref(prop);
		if (refName(prop) === 'CustomFields') return 'map';
		if (isLink(schema)) return 'link';
		if (schema.type === 'array' && schema.items && isLink(deref(schema.items))) return 'linkList';
		return undefined;
	},
};
