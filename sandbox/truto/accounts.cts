// The environment's integrated accounts (one customer's connection to one CRM each) and the
// switches that make one misbehave: blocked (503), expired CRM credentials (remote 401),
// sandbox-type (405 to writes), method metadata unavailable (404 / 501).
import { isObject, type JsonObject } from '../http/types.cjs';

export type MetaAvailability = 'available' | 404 | 501;

export interface AccountSeed {
	/** A short name to find the account by in tests, e.g. 'hubspot'. */
	key: string;
	/** The CRM's slug: hubspot, salesforce, pipedrive, or any other. */
	integration: string;
	id?: string;
	tenantId?: string;
	status?: string;
	/** A Truto sandbox-type account: every write answers 405. */
	isSandbox?: boolean;
	/** Every unified call answers 503. */
	blocked?: boolean;
	/** The CRM refuses the stored credentials: every unified call answers a remote 401. */
	credentialsExpired?: boolean;
	/** Method metadata of this account; default: the sandbox's `meta` option. */
	meta?: MetaAvailability;
}

export type AccountSwitches = Partial<
	Pick<AccountSeed, 'isSandbox' | 'blocked' | 'credentialsExpired' | 'meta' | 'status'>
>;

export interface AccountState {
	key: string;
	record: JsonObject;
	blocked: boolean;
	credentialsExpired: boolean;
	meta?: MetaAvailability;
}

const uuid = (n: number) => `c0ffee00-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const DEFAULT_ACCOUNTS: AccountSeed[] = [
	{ key: 'hubspot', integration: 'hubspot', id: uuid(1), tenantId: 'acme' },
	{ key: 'salesforce', integration: 'salesforce', id: uuid(2), tenantId: 'globex' },
	{ key: 'pipedrive', integration: 'pipedrive', id: uuid(3), tenantId: 'initech' },
	{ key: 'blocked', integration: 'zohocrm', id: uuid(4), tenantId: 'umbrella', blocked: true },
	{
		key: 'expired',
		integration: 'close',
		id: uuid(5),
		tenantId: 'hooli',
		status: 'needs_reauth',
		credentialsExpired: true,
	},
	{ key: 'readOnly', integration: 'hubspot', id: uuid(6), tenantId: 'acme-test', isSandbox: true },
];

const CREATED_AT = '2024-01-15T09:30:00.000Z';

export class Accounts {
	private byId = new Map<string, AccountState>();
	private counter = 100;

	constructor(
		readonly environmentId: string,
		seeds: AccountSeed[],
	) {
		for (const seed of seeds) this.add(seed);
	}

	/** Adds an integrated account to the environment; returns its record. */
	add(seed: AccountSeed): JsonObject {
		const id = seed.id ?? uuid(++this.counter);
		if (this.byId.has(id) || this.find(seed.key))
			throw new Error(`Integrated account '${seed.key}' (${id}) already exists`);
		const record: JsonObject = {
			id,
			tenant_id: seed.tenantId ?? seed.key,
			status: seed.status ?? 'active',
			is_sandbox: seed.isSandbox ?? false,
			environment_id: this.environmentId,
			environment_integration_id: `e1e1e1e1-0000-4000-8000-${id.slice(-12)}`,
			integration: { id: `i-${seed.integration}`, name: seed.integration, category: 'crm' },
			context: {},
			created_at: CREATED_AT,
			updated_at: CREATED_AT,
		};
		this.byId.set(id, {
			key: seed.key,
			record,
			blocked: seed.blocked ?? false,
			credentialsExpired: seed.credentialsExpired ?? false,
			meta: seed.meta,
		});
		return structuredClone(record);
	}

	/** The account's id, by key or id; throws when unknown (a test mistake). */
	id(keyOrId: string): string {
		const state = this.find(keyOrId);
		if (!state) throw new Error(`No integrated account '${keyOrId}' in the sandbox`);
		return state.record.id as string;
	}

	/** The first account: used when a store call names none. */
	defaultId(): string {
		const first = this.byId.keys().next();
		if (first.done) throw new Error('The sandbox has no integrated accounts');
		return first.value;
	}

	get(keyOrId: string): JsonObject | undefined {
		const state = this.find(keyOrId);
		return state && structuredClone(state.record);
	}

	all(): JsonObject[] {
		return Array.from(this.byId.values(), (s) => structuredClone(s.record));
	}

	state(id: string): AccountState | undefined {
		return this.byId.get(id);
	}

	integrationOf(id: string): string {
		const integration = this.byId.get(id)?.record.integration;
		return isObject(integration) ? String(integration.name) : '';
	}

	/** Flips an account's switches at runtime. */
	set(keyOrId: string, switches: AccountSwitches) {
		const state = this.find(keyOrId);
		if (!state) throw new Error(`No integrated account '${keyOrId}' in the sandbox`);
		if (switches.blocked !== undefined) state.blocked = switches.blocked;
		if (switches.credentialsExpired !== undefined)
			state.credentialsExpired = switches.credentialsExpired;
		if ('meta' in switches) state.meta = switches.meta;
		if (switches.isSandbox !== undefined) state.record.is_sandbox = switches.isSandbox;
		if (switches.status !== undefined) state.record.status = switches.status;
		state.record.updated_at = new Date().toISOString();
	}

	private find(keyOrId: string): AccountState | undefined {
		return this.byId.get(keyOrId) ?? Array.from(this.byId.values()).find((s) => s.key === keyOrId);
	}
}
