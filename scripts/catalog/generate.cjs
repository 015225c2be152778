#!/usr/bin/env node
/**
 * Builds the field catalog of a CRM node from its backend's OpenAPI spec.
 *
 *   node scripts/catalog/generate.cjs [--backend <id>] [--spec <file.yml>] [--out <dir>]
 *
 * Without --backend: every backend in backends/ whose spec is present. A backend's config
 * (backends/<id>.cjs) says:
 *   title        named in each generated file's header ("Apideck CRM API")
 *   spec         the spec, relative to the repo root; specEnv: the variable that overrides it
 *   out          where the generated files go, relative to the repo root
 *   pathPrefix   paths of unified resources start with it ("/crm/"); other paths are skipped
 *   recordSchema (op, spec) → name of the schema of the records an operation works on
 *   enumId       (schema) → id shared by enums used in several places, if the spec has one
 *   query        query parameters the node sets, in this order (the catalog lists those of each
 *                endpoint); pagingQuery: parameters that make an endpoint paginated
 *   filterSchema (listOp, spec) → an object schema whose properties are the list's filters
 *   sortFields   (listOp, spec) → the fields a list can be sorted by
 *   fieldType    (prop, spec) → optional: a type the spec expresses only by convention, such as
 *                'link' ({ id } objects), 'linkList' (arrays of them) or 'map' (an object keyed
 *                by field name); undefined lets the schema decide
 *   omitFields   optional: field names the node never offers (a spelling mistake in the spec)
 * `spec` offers { doc, deref, queryParamSchema(op, name), queryParams(op) }.
 *
 * Each resource lists the fields its create and its update require (`requiredCreateFields`,
 * `requiredUpdateFields`), from the `required` of each operation's request body.
 *
 * Output: one file per resource, shared objects and enums, index.ts, each marked as generated.
 * Only names, types, enums and required/read-only facts are taken from the spec — no
 * descriptions or examples; human text lives next to the node (e.g. catalog/fieldHelp.ts).
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const ROOT = path.resolve(__dirname, '..', '..');
const BACKENDS = path.join(__dirname, 'backends');

// Operations of a resource's own paths, in this order; sub-resource operations follow.
const OPERATION_ORDER = ['create', 'get', 'getAll', 'update', 'delete'];

/** Every backend config in backends/. */
function backends() {
	return fs
		.readdirSync(BACKENDS)
		.filter((file) => file.endsWith('.cjs'))
		.sort()
		.map((file) => require(path.join(BACKENDS, file)));
}

function backendById(id) {
	const backend = backends().find((b) => b.id === id);
	if (!backend) throw new Error(`No backend "${id}" in ${path.relative(ROOT, BACKENDS)}`);
	return backend;
}

/** The backend's spec: its environment variable, else its default path next to the repo. */
function specPathOf(backend) {
	const fromEnv = backend.specEnv && process.env[backend.specEnv];
	return fromEnv ? path.resolve(fromEnv) : path.resolve(ROOT, backend.spec);
}

const outDirOf = (backend) => path.resolve(ROOT, backend.out);

const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const words = (s) => s.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
const camel = (s) =>
	lowerFirst(
		s
			.split(/[^A-Za-z0-9]+/)
			.filter(Boolean)
			.map(upperFirst)
			.join(''),
	);
const refName = (s) => (s && s.$ref ? s.$ref.split('/').pop() : undefined);

/** A value the serializer prints as code (a reference to another generated constant). */
class Code {
	constructor(text) {
		this.text = text;
	}
}

function createModel(doc) {
	const schemas = doc.components.schemas;
	const parameters = doc.components.parameters || {};

	function deref(schema) {
		let s = schema;
		const seen = new Set();
		while (s && s.$ref) {
			if (seen.has(s.$ref)) throw new Error(`Circular $ref ${s.$ref}`);
			seen.add(s.$ref);
			s = schemas[refName(s)];
			if (!s) throw new Error(`Unknown schema ${[...seen].pop()}`);
		}
		if (s && s.allOf) {
			const merged = { ...s, allOf: undefined, properties: {}, required: [] };
			for (const part of s.allOf.map(deref)) {
				Object.assign(merged.properties, part.properties || {});
				merged.required.push(...(part.required || []));
				if (part.type && !merged.type) merged.type = part.type;
			}
			Object.assign(merged.properties, s.properties || {});
			merged.required.push(...(s.required || []));
			return merged;
		}
		return s;
	}

	const isReadOnly = (prop) => Boolean(prop.readOnly || deref(prop).readOnly);

	const queryParams = (op) =>
		(op.parameters || [])
			.map((p) => (p.$ref ? parameters[refName(p)] : p))
			.filter((param) => param && param.in === 'query');

	function queryParamSchema(op, name) {
		const param = queryParams(op).find((p) => p.name === name);
		return param ? param.schema : undefined;
	}

	return { doc, schemas, parameters, deref, isReadOnly, queryParams, queryParamSchema };
}

/**
 * Field conversion. Named object schemas used by several resources (Address, Email, …) and enums
 * used in several places (currencies) are emitted once, in objects.ts and enums.ts.
 */
function createFieldBuilder(model, sharedObjects, backend) {
	const { deref, isReadOnly } = model;
	const objects = new Map(); // schema name -> fields
	const enumSites = new Map(); // enum id -> { values, sites: Set }

	function enumValue(id, values, site) {
		if (!id) return [...values];
		const entry = enumSites.get(id) || { values: [...values], sites: new Set() };
		entry.sites.add(site);
		enumSites.set(id, entry);
		return { enumId: id, values: [...values] };
	}

	function scalarType(name, s) {
		if (s.format === 'date-time') return 'dateTime';
		if (s.format === 'date') return 'date';
		// The spec leaves some date fields as plain strings; their names say what they hold.
		if (/_datetime$/.test(name)) return 'dateTime';
		if (/(_date|^birthday)$/.test(name)) return 'date';
		return 'string';
	}

	function objectFields(name, schema, site) {
		if (name && sharedObjects.has(name)) {
			if (!objects.has(name)) {
				objects.set(name, null);
				objects.set(name, buildFields(schema, name));
			}
			return new Code(`objects.${lowerFirst(name)}Fields`);
		}
		return buildFields(schema, name || site);
	}

	function buildField(name, prop, required, site) {
		if (isReadOnly(prop)) return undefined;
		const s = deref(prop);
		const field = { name, type: 'string' };
		const conventional = backend.fieldType && backend.fieldType(prop, model);
		if (conventional) {
			field.type = conventional;
		} else if (s.anyOf || s.oneOf || (!s.type && !s.properties && !s.items)) {
			field.type = 'any';
		} else if (s.enum) {
			field.type = 'enum';
			field.values = enumValue(backend.enumId && backend.enumId(s), s.enum, `${site}.${name}`);
		} else if (s.type === 'string') {
			field.type = s.writeOnly ? 'secret' : scalarType(name, s);
			if (s.format === 'email') field.email = true;
		} else if (s.type === 'integer' || s.type === 'number') {
			field.type = 'number';
			if (s.type === 'integer') field.integer = true;
		} else if (s.type === 'boolean') {
			field.type = 'boolean';
		} else if (s.type === 'array') {
			const items = deref(s.items);
			if (items.type === 'object' && items.properties) {
				field.type = 'objectList';
				field.fields = objectFields(refName(s.items) || refName(prop), items, `${site}.${name}`);
			} else if (['string', 'number', 'integer'].includes(items.type) && !items.enum) {
				field.type = 'stringList';
			} else {
				field.type = 'json';
			}
		} else if (s.type === 'object' && s.properties) {
			field.type = 'object';
			field.fields = objectFields(refName(prop), s, `${site}.${name}`);
		} else {
			field.type = 'json';
		}
		if (field.fields && !(field.fields instanceof Code) && field.fields.length === 0)
			return undefined;
		if (required) field.required = true;
		return field;
	}

	function buildFields(schema, site) {
		const required = new Set(schema.required || []);
		const out = [];
		for (const [name, prop] of Object.entries(schema.properties || {})) {
			if ((backend.omitFields || []).includes(name)) continue;
			const field = buildField(name, prop, required.has(name), site);
			if (field) out.push(field);
		}
		return out;
	}

	return { buildFields, objects, enumSites };
}

/** Array-of-object schemas reached through a named $ref, counted per resource. */
function findSharedObjects(model, bodySchemas) {
	const { deref } = model;
	const users = new Map();
	for (const [resource, schemaRef] of bodySchemas) {
		const visit = (prop, depth) => {
			if (depth > 4 || model.isReadOnly(prop)) return;
			const s = deref(prop);
			const t = s.type === 'array' ? deref(s.items) : s;
			const name = s.type === 'array' ? refName(s.items) || refName(prop) : refName(prop);
			if (name && t.type === 'object' && t.properties) {
				if (!users.has(name)) users.set(name, new Set());
				users.get(name).add(resource);
			}
			for (const sub of Object.values(t.properties || {})) visit(sub, depth + 1);
		};
		for (const prop of Object.values(deref(schemaRef).properties || {})) visit(prop, 0);
	}
	return new Set([...users].filter(([, r]) => r.size > 1).map(([name]) => name));
}

function endpointOf(model, backend, pathTemplate, op) {
	const endpoint = {
		method: null,
		path: pathTemplate,
		pathParams: [...pathTemplate.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]),
		query: [],
	};
	const query = new Set();
	for (const param of model.queryParams(op)) {
		if (backend.query.includes(param.name)) query.add(param.name);
		if (backend.pagingQuery.includes(param.name)) endpoint.paginated = true;
	}
	endpoint.query = backend.query.filter((q) => query.has(q));
	return endpoint;
}

function collectResources(model, backend) {
	const { doc } = model;
	const resources = new Map(); // value -> resource
	const bySegment = new Map(); // 'leads' -> value
	const pending = [];

	for (const [pathTemplate, item] of Object.entries(doc.paths)) {
		if (!pathTemplate.startsWith(backend.pathPrefix)) continue;
		// Below the prefix: the resource's segment, then {id} or a sub-resource.
		const parts = pathTemplate.slice(backend.pathPrefix.length).split('/').filter(Boolean);
		if (!parts.length || parts[0].startsWith('{')) continue;
		for (const [method, op] of Object.entries(item)) {
			if (!['get', 'post', 'patch', 'put', 'delete'].includes(method)) continue;
			const last = parts[parts.length - 1];
			const sub = parts.length > 1 && !last.startsWith('{');
			pending.push({ pathTemplate, method, op, segment: parts[0], last, sub });
		}
	}

	for (const entry of pending.filter((e) => !e.sub)) {
		const schemaName = backend.recordSchema(entry.op, model);
		if (!schemaName) throw new Error(`No model for ${entry.method} ${entry.pathTemplate}`);
		const value = lowerFirst(schemaName);
		bySegment.set(entry.segment, value);
		if (!resources.has(value)) {
			resources.set(value, {
				schemaName,
				value,
				displayName: words(schemaName),
				operations: {},
				specOps: {},
			});
		}
	}

	for (const entry of pending) {
		const { pathTemplate, method, op, last, sub } = entry;
		const value = bySegment.get(entry.segment);
		const resource = resources.get(value);
		if (!resource) throw new Error(`No resource for ${method} ${pathTemplate}`);
		let kind;
		if (sub) {
			// GET /lists/{id}/members → getMembers; POST /accounts/merge → merge
			kind = method === 'get' ? `get${upperFirst(camel(last))}` : camel(last);
		} else if (method === 'get') {
			kind = last === '{id}' ? 'get' : 'getAll';
		} else if (method === 'post') {
			kind = 'create';
		} else if (method === 'patch' || method === 'put') {
			kind = 'update';
		} else {
			kind = 'delete';
		}
		if (resource.operations[kind]) throw new Error(`Two ${kind} endpoints for ${value}`);
		const endpoint = endpointOf(model, backend, pathTemplate, op);
		endpoint.method = method.toUpperCase();
		resource.operations[kind] = endpoint;
		resource.specOps[kind] = op;
	}
	return [...resources.values()].sort((a, b) => a.value.localeCompare(b.value));
}

const requestSchemaOf = (op) => (op ? op.requestBody.content['application/json'].schema : undefined);

function bodySchemaOf(resource) {
	return requestSchemaOf(resource.specOps.create || resource.specOps.update);
}

/** Writable top-level fields the update body requires (some specs keep create's on PATCH). */
function requiredUpdateFieldsOf(model, resource) {
	const body = requestSchemaOf(resource.specOps.update);
	if (!body) return [];
	const schema = model.deref(body);
	return (schema.required || []).filter((name) => {
		const prop = (schema.properties || {})[name];
		return prop && !model.isReadOnly(prop);
	});
}

function buildCatalog(doc, backend) {
	const model = createModel(doc);
	const resources = collectResources(model, backend);
	const bodies = resources.filter(bodySchemaOf).map((r) => [r.value, bodySchemaOf(r)]);
	const builder = createFieldBuilder(model, findSharedObjects(model, bodies), backend);

	const out = resources.map((r) => {
		const body = bodySchemaOf(r);
		const schema = body ? model.deref(body) : undefined;
		const fields = schema ? builder.buildFields(schema, r.schemaName) : [];
		const requiredCreateFields = r.operations.create
			? fields.filter((f) => f.required).map((f) => f.name)
			: [];
		const listOp = r.specOps.getAll;
		const filterSchema = listOp && backend.filterSchema(listOp, model);
		const filters = filterSchema
			? builder.buildFields(model.deref(filterSchema), `${r.schemaName}Filter`)
			: [];
		const operations = {};
		const kinds = Object.keys(r.operations);
		for (const kind of [...OPERATION_ORDER, ...kinds.filter((k) => !OPERATION_ORDER.includes(k))]) {
			if (r.operations[kind]) operations[kind] = r.operations[kind];
		}
		return {
			value: r.value,
			displayName: r.displayName,
			operations,
			requiredCreateFields,
			requiredUpdateFields: requiredUpdateFieldsOf(model, r),
			fields,
			filters,
			sortFields: listOp ? [...(backend.sortFields(listOp, model) || [])] : [],
		};
	});

	const sharedEnums = new Map(
		[...builder.enumSites]
			.filter(([, e]) => e.sites.size > 1)
			.map(([id, e]) => [id, { name: camel(id), values: e.values }]),
	);
	return { version: doc.info.version, resources: out, objects: builder.objects, sharedEnums };
}

// ---- serialization -------------------------------------------------------------------------

function toSource(value, ctx) {
	if (value instanceof Code) {
		ctx.uses.add(value.text.split('.')[0]);
		return value.text;
	}
	if (Array.isArray(value)) return `[${value.map((v) => toSource(v, ctx)).join(', ')}]`;
	if (value && typeof value === 'object') {
		if (value.enumId !== undefined) {
			const shared = ctx.sharedEnums.get(value.enumId);
			if (shared) return toSource(new Code(`enums.${shared.name}`), ctx);
			return toSource(value.values, ctx);
		}
		const entries = Object.entries(value).filter(([, v]) => v !== undefined);
		return `{${entries
			.map(
				([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${toSource(v, ctx)}`,
			)
			.join(', ')}}`;
	}
	return JSON.stringify(value);
}

function header(title, version) {
	return `// GENERATED by scripts/catalog/generate.cjs from ${title} ${version} — do not edit; run \`npm run generate\`\n`;
}

function renderFiles(catalog, backend) {
	const files = new Map();
	const { version, sharedEnums } = catalog;
	const newCtx = () => ({ uses: new Set(), sharedEnums });

	function moduleSource(typeImports, declarations, ctx) {
		const imports = [];
		if (typeImports.length)
			imports.push(`import type { ${typeImports.join(', ')} } from '../types';`);
		if (ctx.uses.has('enums')) imports.push(`import * as enums from './enums';`);
		if (ctx.uses.has('objects')) imports.push(`import * as objects from './objects';`);
		return `${header(backend.title, version)}\n${imports.join('\n')}${imports.length ? '\n\n' : ''}${declarations}\n`;
	}

	if (sharedEnums.size) {
		const decls = [...sharedEnums.values()]
			.sort((a, b) => a.name.localeCompare(b.name))
			.map((e) => `export const ${e.name}: readonly string[] = ${JSON.stringify(e.values)};`)
			.join('\n\n');
		files.set('enums.ts', moduleSource([], decls, newCtx()));
	}

	if (catalog.objects.size) {
		const ctx = newCtx();
		const decls = [...catalog.objects]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(
				([name, fields]) =>
					`export const ${lowerFirst(name)}Fields: readonly CatalogField[] = ${toSource(fields, ctx)};`,
			)
			.join('\n\n');
		files.set('objects.ts', moduleSource(['CatalogField'], decls, ctx));
	}

	for (const resource of catalog.resources) {
		const ctx = newCtx();
		const body = toSource(resource, ctx);
		const decl = `export const ${resource.value}: CatalogResource = ${body};`;
		files.set(`${resource.value}.ts`, moduleSource(['CatalogResource'], decl, ctx));
	}

	const names = catalog.resources.map((r) => r.value);
	const index = [
		...names.map((n) => `import { ${n} } from './${n}';`),
		'',
		`export const apiVersion = '${version}';`,
		'',
		`export const resources: Readonly<Record<ResourceValue, CatalogResource>> = { ${names.join(', ')} };`,
	].join('\n');
	files.set('index.ts', moduleSource(['CatalogResource', 'ResourceValue'], index, newCtx()));
	return files;
}

async function formatFiles(files, backend) {
	const prettier = require('prettier');
	// The repo's settings for the backend's folder, wherever the files are written.
	const options = (await prettier.resolveConfig(path.join(outDirOf(backend), 'index.ts'))) || {};
	const out = new Map();
	for (const [name, source] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
		out.set(name, await prettier.format(source, { ...options, parser: 'typescript' }));
	}
	return out;
}

/** Returns Map<fileName, content> of the backend's generated catalog. */
async function generateCatalog(backend, specPath = specPathOf(backend)) {
	const doc = YAML.parse(fs.readFileSync(specPath, 'utf8'));
	return formatFiles(renderFiles(buildCatalog(doc, backend), backend), backend);
}

async function writeCatalog(files, outDir) {
	fs.mkdirSync(outDir, { recursive: true });
	for (const stale of fs.readdirSync(outDir)) {
		if (stale.endsWith('.ts') && !files.has(stale)) fs.rmSync(path.join(outDir, stale));
	}
	for (const [name, content] of files) fs.writeFileSync(path.join(outDir, name), content);
}

/**
 * Generates the catalog of every backend whose spec is present; `log` hears what was written
 * and which backends kept their committed catalog.
 */
async function generateAll(log) {
	for (const backend of backends()) {
		const spec = specPathOf(backend);
		const out = outDirOf(backend);
		if (!fs.existsSync(spec)) {
			log(
				`${backend.id}: ${spec} not found, keeping the committed catalog in ${path.relative(ROOT, out)}`,
			);
			continue;
		}
		const files = await generateCatalog(backend, spec);
		await writeCatalog(files, out);
		log(
			`${backend.id}: ${files.size} files from ${path.relative(ROOT, spec)} -> ${path.relative(ROOT, out)}`,
		);
	}
}

function parseArgs(argv) {
	const args = {};
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--backend') args.backend = argv[++i];
		else if (argv[i] === '--spec') args.spec = path.resolve(argv[++i]);
		else if (argv[i] === '--out') args.out = path.resolve(argv[++i]);
		else throw new Error(`Unknown argument ${argv[i]}`);
	}
	if ((args.spec || args.out) && !args.backend) throw new Error('--spec and --out need --backend');
	return args;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const say = (line) => process.stdout.write(`catalog: ${line}\n`);
	if (!args.backend) return generateAll(say);
	const backend = backendById(args.backend);
	const spec = args.spec || specPathOf(backend);
	const out = args.out || outDirOf(backend);
	const files = await generateCatalog(backend, spec);
	await writeCatalog(files, out);
	say(
		`${backend.id}: ${files.size} files from ${path.relative(ROOT, spec)} -> ${path.relative(ROOT, out) || '.'}`,
	);
}

module.exports = { backendById, generateAll, generateCatalog, specPathOf };

if (require.main === module) {
	main().catch((error) => {
		process.stderr.write(`${error.stack || error}\n`);
		process.exit(1);
	});
}
