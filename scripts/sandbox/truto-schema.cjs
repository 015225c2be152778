#!/usr/bin/env node
/**
 * Writes the Truto sandbox's schema facts from Truto's unified CRM reference.
 *
 *   node scripts/sandbox/truto-schema.cjs [--spec <crm.yml>] [--out <file>]
 *
 * Spec: --spec, else $TRUTO_CRM_SPEC, else shared/truto/crm.yml next to the repo (or next to the
 * folder of its git worktrees).
 * Output: sandbox/truto/generated/schema.cts. Only names, types, formats, enums and required
 * markers are taken from the spec (no descriptions): the sandbox validates requests with them
 * and describes methods in its metadata endpoint.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_SPEC = [
	path.resolve(ROOT, '..', 'shared', 'truto', 'crm.yml'),
	path.resolve(ROOT, '..', '..', 'shared', 'truto', 'crm.yml'),
].find((candidate) => fs.existsSync(candidate));
const DEFAULT_OUT = path.join(ROOT, 'sandbox', 'truto', 'generated', 'schema.cts');
const PREFIX = '/unified/crm/';

const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);
const refName = (s) => s.$ref.split('/').pop();

/** Which unified method an operation is, from its path and HTTP method. */
function methodOf(httpMethod, rest) {
	if (rest.length === 1) return httpMethod === 'get' ? 'list' : 'create';
	if (rest[1] === '{id}') return { get: 'get', patch: 'update', delete: 'delete' }[httpMethod];
	return rest[1]; // merge, batch-delete
}

const successSchema = (op) => {
	const ok = Object.entries(op?.responses ?? {}).find(([status]) => /^2/.test(status));
	return ok?.[1].content?.['application/json']?.schema;
};

function buildSchema(doc) {
	const components = doc.components.schemas;
	const used = new Map(); // component name → compact schema (filled in dependency order)

	function compact(schema) {
		if (!schema || Object.keys(schema).length === 0) return { type: 'any' };
		if (schema.$ref) {
			const name = refName(schema);
			if (!used.has(name)) {
				// Set after its own references, so every constant is declared before it is used.
				used.set(name, compact(components[name]));
			}
			return { ref: name };
		}
		if (schema.allOf) {
			const [base, ...rest] = schema.allOf;
			const out = { ...compactRefless(base) };
			for (const part of rest) {
				if (part.anyOf) out.anyOfRequired = part.anyOf.map((a) => a.required);
			}
			return out;
		}
		if (schema.anyOf) return { anyOf: schema.anyOf.map(compact) };
		if (schema.oneOf) return { anyOf: schema.oneOf.map(compact) };
		const out = { type: schema.type ?? (schema.properties ? 'object' : 'any') };
		if (schema.format === 'date-time' || schema.format === 'uuid') out.format = schema.format;
		if (schema.enum) out.enum = schema.enum;
		if (schema.nullable) out.nullable = true;
		if (schema.minItems) out.minItems = schema.minItems;
		if (schema.minimum !== undefined) out.minimum = schema.minimum;
		if (schema.type === 'array') out.items = compact(schema.items);
		if (schema.properties) {
			out.properties = Object.fromEntries(
				Object.entries(schema.properties).map(([k, v]) => [k, compact(v)]),
			);
		}
		if (schema.required?.length) out.required = schema.required;
		if (schema.additionalProperties === false) out.closed = true;
		return out;
	}

	/** A referenced schema inlined (used for allOf bases, which get extra rules). */
	function compactRefless(schema) {
		if (!schema.$ref) return compact(schema);
		compact(schema);
		return used.get(refName(schema));
	}

	const parameters = doc.components.parameters;
	const resources = {};
	for (const [p, item] of Object.entries(doc.paths)) {
		if (!p.startsWith(PREFIX) || p.includes('{resource}')) continue;
		const rest = p.slice(PREFIX.length).split('/');
		const resource = rest[0];
		for (const [httpMethod, op] of Object.entries(item)) {
			if (httpMethod === 'parameters') continue;
			const query = {};
			let accountRequired = false;
			for (const raw of op.parameters ?? []) {
				const param = raw.$ref ? parameters[refName(raw)] : raw;
				if (param.in !== 'query') continue;
				if (param.name === 'integrated_account_id') {
					accountRequired = !!param.required;
					continue;
				}
				if (!raw.$ref) {
					query[param.name] = compact(param.schema);
					continue;
				}
				// Shared parameters become named constants like shared schemas.
				const name = `${refName(raw)}Param`;
				if (!used.has(name)) used.set(name, compact(param.schema));
				query[param.name] = { ref: name };
			}
			const body = op.requestBody?.content?.['application/json']?.schema;
			const method = methodOf(httpMethod, rest);
			const entry = { http: httpMethod.toUpperCase(), accountRequired, query };
			if (body) entry.body = compact(body);
			if (op['x-inferred']) entry.inferred = true;
			resources[resource] ??= {};
			resources[resource][method] = entry;
		}
	}
	// The record: what get answers, else a list's result items, else what create answers.
	for (const [resource, methods] of Object.entries(resources)) {
		const item = doc.paths[`${PREFIX}${resource}/{id}`] ?? {};
		const base = doc.paths[`${PREFIX}${resource}`] ?? {};
		const list = successSchema(base.get);
		const record =
			successSchema(item.get) ??
			(list && components[refName(list)].properties.result.items) ??
			successSchema(base.post);
		methods.record = compact(record);
	}
	return { used, resources, version: doc.info.version };
}

function render({ used, resources, version }) {
	const name = (component) => lowerFirst(component);
	const code = (value) => {
		if (Array.isArray(value)) return `[${value.map(code).join(', ')}]`;
		if (value && typeof value === 'object') {
			if (value.ref && Object.keys(value).length === 1) return name(value.ref);
			return `{ ${Object.entries(value)
				.map(([k, v]) => `${/^[a-z_][a-z0-9_]*$/i.test(k) ? k : JSON.stringify(k)}: ${code(v)}`)
				.join(', ')} }`;
		}
		return JSON.stringify(value);
	};
	const lines = [
		`// GENERATED by scripts/sandbox/truto-schema.cjs from Truto's unified CRM reference ${version} — do not edit;`,
		'// regenerate with `node scripts/sandbox/truto-schema.cjs` (reads ../shared/truto/crm.yml).',
		'',
		"import type { MethodSchema, ResourceSchema, Schema } from '../schema-types.cjs';",
		'',
	];
	for (const [component, schema] of used) {
		lines.push(`const ${name(component)}: Schema = ${code(schema)};`);
	}
	lines.push('', 'export const RESOURCES: Record<string, ResourceSchema> = {');
	for (const [resource, methods] of Object.entries(resources)) {
		const { record, ...ops } = methods;
		lines.push(`\t${resource}: {`, `\t\trecord: ${code(record)},`, '\t\tmethods: {');
		for (const [method, op] of Object.entries(ops)) {
			lines.push(`\t\t\t${JSON.stringify(method)}: ${code(op)} satisfies MethodSchema,`);
		}
		lines.push('\t\t},', '\t},');
	}
	lines.push('};', '');
	return lines.join('\n');
}

async function generate(specPath, outPath) {
	if (!specPath) throw new Error('No crm.yml found: pass --spec <path> or set TRUTO_CRM_SPEC');
	const doc = YAML.parse(fs.readFileSync(specPath, 'utf8'));
	const source = render(buildSchema(doc));
	const prettier = require('prettier');
	const options = (await prettier.resolveConfig(DEFAULT_OUT)) || {};
	const formatted = await prettier.format(source, { ...options, parser: 'typescript' });
	fs.mkdirSync(path.dirname(outPath), { recursive: true });
	fs.writeFileSync(outPath, formatted);
	return outPath;
}

function parseArgs(argv) {
	const args = {
		spec: process.env.TRUTO_CRM_SPEC ? path.resolve(process.env.TRUTO_CRM_SPEC) : DEFAULT_SPEC,
		out: DEFAULT_OUT,
	};
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--spec') args.spec = path.resolve(argv[++i]);
		else if (argv[i] === '--out') args.out = path.resolve(argv[++i]);
		else throw new Error(`Unknown argument ${argv[i]}`);
	}
	return args;
}

if (require.main === module) {
	const args = parseArgs(process.argv.slice(2));
	generate(args.spec, args.out).then(
		(out) => process.stdout.write(`wrote ${path.relative(ROOT, out)}\n`),
		(error) => {
			process.stderr.write(`${error.stack ?? error}\n`);
			process.exit(1);
		},
	);
}

module.exports = { generate, DEFAULT_SPEC, DEFAULT_OUT };
