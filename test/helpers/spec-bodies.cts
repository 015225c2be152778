/**
 * An independent check of what the node writes: every POST / PATCH body a test recorded is
 * validated with ajv against Apideck's own OpenAPI spec (../shared/apideck/crm.yml, or
 * APIDECK_CRM_SPEC), not against the catalog or the sandbox, which are ours. Besides the schema
 * (required fields, types, formats, enums, no unknown fields), a property the spec marks
 * read-only must not be sent.
 *
 *   const specBodies = useSpecBodies();            // once per test file
 *   specBodies.expectValid(sandbox.requests);      // after a run
 *
 * Under CI a missing spec fails the file; elsewhere the check is skipped with a warning.
 */
import { existsSync, readFileSync } from 'node:fs';

import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

import type { RecordedRequest } from '../../sandbox/apideck/index.cjs';

interface Generator {
	backendById(id: string): object;
	specPathOf(backend: object): string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require('../../scripts/catalog/generate.cjs') as Generator;

export const SPEC_PATH = generator.specPathOf(generator.backendById('apideck'));

type Spec = {
	paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>>;
	components: unknown;
};

interface Endpoint {
	method: string;
	pattern: RegExp;
	template: string;
	validate: ValidateFunction;
}

/** One validator per write endpoint of the spec, matched by method and path. */
function loadEndpoints(specPath: string): Endpoint[] {
	const spec = parse(readFileSync(specPath, 'utf8')) as Spec;
	// OpenAPI 3.0 words (nullable, example, x-…) are not JSON Schema; ajv knows nullable and
	// ignores the rest outside strict mode.
	const ajv = new Ajv({ strict: false, allErrors: true });
	addFormats(ajv);
	ajv.removeKeyword('readOnly');
	ajv.addKeyword({
		keyword: 'readOnly',
		// Runs only for a value that is present: in a request body, a read-only one must not be.
		validate: (readOnly: boolean) => !readOnly,
		error: { message: 'is read-only and must not be sent' },
	});
	ajv.addSchema({ components: spec.components }, 'crm');

	const endpoints: Endpoint[] = [];
	for (const [template, item] of Object.entries(spec.paths)) {
		for (const [method, operation] of Object.entries(item)) {
			const schema = operation.requestBody?.content?.['application/json'] as
				| { schema?: { $ref?: string } }
				| undefined;
			const ref = schema?.schema?.$ref;
			if (!ref) continue;
			const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
			endpoints.push({
				method: method.toUpperCase(),
				pattern,
				template,
				validate: ajv.getSchema(`crm${ref}`) as ValidateFunction,
			});
		}
	}
	return endpoints;
}

export interface SpecBodies {
	/** Whether the spec was found (always under CI). */
	readonly available: boolean;
	/** How many bodies were validated so far. */
	readonly checked: number;
	/** What is wrong with each write body of these requests, per the spec; [] when all are valid. */
	violations(requests: readonly RecordedRequest[]): string[];
	expectValid(requests: readonly RecordedRequest[]): void;
}

const loaded = new Map<string, Endpoint[]>();

export function specBodies(specPath = SPEC_PATH): SpecBodies {
	if (!existsSync(specPath) && process.env.CI) {
		throw new Error(
			`${specPath} is missing. CI must check out the shared specs next to the repository (or set APIDECK_CRM_SPEC) so that request bodies are checked against the spec.`,
		);
	}
	if (existsSync(specPath) && !loaded.has(specPath)) loaded.set(specPath, loadEndpoints(specPath));
	const endpoints = loaded.get(specPath);
	let checked = 0;
	const check = {
		available: endpoints !== undefined,
		get checked() {
			return checked;
		},
		violations(requests: readonly RecordedRequest[]): string[] {
			if (!endpoints) return [];
			const out: string[] = [];
			for (const request of requests) {
				if (!['POST', 'PATCH', 'PUT'].includes(request.method)) continue;
				if (!request.path.startsWith('/crm/')) continue;
				const endpoint = endpoints.find(
					(e) => e.method === request.method && e.pattern.test(request.path),
				);
				if (!endpoint) {
					out.push(`${request.method} ${request.path}: no such write in the spec`);
					continue;
				}
				checked++;
				if (!endpoint.validate(request.body)) {
					const errors = (endpoint.validate.errors ?? []).map((e) => {
						const extra = (e.params as { additionalProperty?: string }).additionalProperty;
						return `${e.instancePath || '(body)'} ${e.message ?? ''}${extra ? `: ${extra}` : ''}`;
					});
					out.push(`${request.method} ${endpoint.template}: ${errors.join('; ')}`);
				}
			}
			return out;
		},
		expectValid(requests: readonly RecordedRequest[]) {
			expect(check.violations(requests)).toEqual([]);
		},
	};
	return check;
}

/**
 * The check for a test file: loaded before its tests, and after them it must have validated at
 * least one body (a check that saw nothing proves nothing).
 */
export function useSpecBodies(): SpecBodies {
	let current: SpecBodies | undefined;
	beforeAll(() => {
		current = specBodies();
		if (!current.available) {
			console.warn(`${SPEC_PATH} is absent: request bodies are not checked against the spec`);
		}
	});
	afterAll(() => {
		if (current?.available) expect(current.checked).toBeGreaterThan(0);
	});
	return {
		get available() {
			return current?.available ?? false;
		},
		get checked() {
			return current?.checked ?? 0;
		},
		violations: (requests) => current!.violations(requests),
		expectValid: (requests) => current!.expectValid(requests),
	};
}
