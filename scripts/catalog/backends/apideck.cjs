/**
 * The Apideck CRM catalog: what scripts/catalog/generate.cjs needs to know of Apideck's spec.
 * See generate.cjs for what each setting means.
 */
'use strict';

const refName = (s) => (s && s.$ref ? s.$ref.split('/').pop() : undefined);

module.exports = {
	id: 'apideck',
	title: 'Apideck CRM API',
	spec: '../shared/apideck/crm.yml',
	specEnv: 'APIDECK_CRM_SPEC',
	out: 'nodes/ApideckCrm/catalog/generated',

	// /crm/<resource>[/{id}][/<sub-resource>]
	pathPrefix: '/crm/',
	// Each tag names the schema of its resource's records in x-apideck-model.
	recordSchema(op, { doc }) {
		const tag = (doc.tags || []).find((t) => t.name === (op.tags || [])[0]);
		return tag && refName(tag['x-apideck-model']);
	},
	// Enums used in several places (currencies) share an x-apideck-enum-id.
	enumId: (schema) => schema['x-apideck-enum-id'],

	query: ['fields', 'filter', 'sort', 'pass_through', 'raw'],
	pagingQuery: ['cursor', 'limit'],
	// Filters are the properties of one deepObject `filter` parameter; sorts the enum of `sort[by]`.
	filterSchema: (listOp, spec) => spec.queryParamSchema(listOp, 'filter'),
	sortFields(listOp, spec) {
		const sort = spec.queryParamSchema(listOp, 'sort');
		return sort ? spec.deref(spec.deref(sort).properties.by).enum : [];
	},
};
