// A small, linked and deterministic data set for one integrated account: users own records,
// contacts belong to accounts, deals sit in a pipeline stage, custom fields follow the CRM.
import type { JsonObject } from '../http/types.cjs';
import type { Accounts } from './accounts.cjs';
import { integrationFor } from './integrations.cjs';
import { FIELD_ENTITY } from './records.cjs';
import type { TrutoStore } from './store.cjs';

const DAY = 86_400_000;
const START = Date.parse('2024-01-01T09:00:00.000Z');

export function seedAccount(store: TrutoStore, accountId: string, integrationName: string): void {
	const crm = integrationFor(integrationName);
	let day = 0;
	const add = (resource: string, record: JsonObject): string => {
		const at = new Date(START + day++ * DAY).toISOString();
		return store.insert(resource, { created_at: at, updated_at: at, ...record }, accountId)
			.id as string;
	};
	const ref = (id: string) => ({ id });
	const email = (address: string) => [{ email: address, type: 'work' }];
	const phone = (number: string) => [{ number, type: 'work' }];
	const custom = (resource: string) =>
		Object.fromEntries((crm.customFields[resource] ?? []).map((f) => [f.name, f.sample]));

	for (const [resource, fields] of Object.entries(crm.customFields)) {
		for (const f of fields)
			add('fields', {
				name: f.name,
				label: f.label,
				entity: FIELD_ENTITY[resource],
				type: f.type,
				is_required: false,
				is_unique: false,
				is_hidden: false,
				remote_data: f.options ? { options: f.options } : {},
			});
	}
	add('field_groups', {
		name: 'contact_information',
		label: 'Contact information',
		entity_type: 'contact',
		status: 'active',
	});
	add('field_groups', {
		name: 'deal_details',
		label: 'Deal details',
		entity_type: 'opportunity',
		status: 'active',
	});

	const ava = add('users', { name: 'Ava Admin', email: 'ava@sandbox.test', is_active: true });
	const sam = add('users', { name: 'Sam Seller', email: 'sam@sandbox.test', is_active: true });

	const acme = add('accounts', {
		name: 'Acme Corp',
		owner: ref(ava),
		industry: 'Manufacturing',
		website: 'https://acme.test',
		number_of_employees: 250,
		description: `Seeded for ${crm.label}`,
		phone_numbers: phone('+1 555 0100'),
		addresses: [
			{
				street_1: '1 Main St',
				city: 'Springfield',
				state: 'IL',
				postal_code: '62701',
				country: 'US',
				type: 'billing',
			},
		],
		custom_fields: custom('accounts'),
	});
	const globex = add('accounts', {
		name: 'Globex',
		owner: ref(sam),
		industry: 'Energy',
		website: 'https://globex.test',
		number_of_employees: 1200,
	});
	add('accounts', {
		name: 'Initech',
		owner: ref(sam),
		industry: 'Software',
		number_of_employees: 40,
	});

	const jane = add('contacts', {
		first_name: 'Jane',
		last_name: 'Doe',
		name: 'Jane Doe',
		title: 'CTO',
		account: ref(acme),
		owner: ref(ava),
		email_addresses: email('jane@acme.test'),
		phone_numbers: phone('+1 555 0101'),
		custom_fields: custom('contacts'),
	});
	const john = add('contacts', {
		first_name: 'John',
		last_name: 'Smith',
		name: 'John Smith',
		account: ref(globex),
		owner: ref(sam),
		email_addresses: email('john@globex.test'),
	});
	add('contacts', {
		first_name: 'Mia',
		last_name: 'Wong',
		name: 'Mia Wong',
		owner: ref(sam),
		email_addresses: email('mia@example.test'),
	});

	const lena = add('leads', {
		first_name: 'Lena',
		last_name: 'Lead',
		name: 'Lena Lead',
		owner: ref(ava),
		email_addresses: email('lena@umbrella.test'),
		phone_numbers: phone('+1 555 0199'),
		status: 'new',
		lead_source: 'website',
		addresses: [{ city: 'Berlin', country: 'DE', type: 'work' }],
		custom_fields: custom('leads'),
	});
	add('leads', {
		first_name: 'Omar',
		last_name: 'Prospect',
		name: 'Omar Prospect',
		owner: ref(sam),
		email_addresses: email('omar@hooli.test'),
		status: 'contacted',
		lead_source: 'referral',
		addresses: [{ city: 'Austin', state: 'TX', country: 'US', type: 'work' }],
	});
	add('leads', {
		first_name: 'Pia',
		last_name: 'Inbound',
		name: 'Pia Inbound',
		email_addresses: email('pia@vandelay.test'),
		status: 'new',
		lead_source: 'website',
	});

	const sales = store.newId('pipelines', accountId);
	const stages = [
		['Qualified', 'open'],
		['Proposal', 'open'],
		['Closed Won', 'won'],
	].map(([name, status], position) => ({
		id: add('stages', { name, status, position: position + 1, pipeline: ref(sales) }),
		name,
		status,
	}));
	add('pipelines', { id: sales, name: 'Sales Pipeline', entity: 'opportunity', stages });
	add('pipelines', { name: 'Renewals', entity: 'opportunity', stages: [] });

	const deal = add('opportunities', {
		name: 'Acme rollout',
		amount: 12000,
		currency: 'USD',
		owner: ref(ava),
		account: ref(acme),
		contact: [ref(jane)],
		stage: ref(stages[1].id),
		status: 'open',
		close_date: '2024-09-30',
		custom_fields: custom('opportunities'),
	});
	add('opportunities', {
		name: 'Globex pilot',
		amount: 3000,
		currency: 'USD',
		owner: ref(sam),
		account: ref(globex),
		contact: [ref(john)],
		stage: ref(stages[0].id),
		status: 'open',
	});

	add('notes', {
		title: 'Kick-off call',
		content: 'Agreed on a two-week pilot.',
		owner: ref(ava),
		account: ref(acme),
		opportunity: [ref(deal)],
	});
	add('notes', {
		title: 'Pricing question',
		content: 'Asked for a volume discount.',
		owner: ref(sam),
		contact: [ref(john)],
		lead: [ref(lena)],
	});

	const call = add('engagement_types', { type: 'call', name: 'Call' });
	add('engagement_types', { type: 'email', name: 'Email' });
	add('engagement_types', { type: 'meeting', name: 'Meeting' });

	add('engagements', {
		subject: 'Discovery call',
		engagement_type: 'call',
		direction: 'outbound',
		owner: ref(ava),
		account: ref(acme),
		contact: [ref(jane)],
		start_time: '2024-03-01T10:00:00.000Z',
		end_time: '2024-03-01T10:30:00.000Z',
		duration: 1800,
		status: 'completed',
	});
	add('engagements', {
		subject: 'Demo',
		engagement_type: 'meeting',
		owner: ref(sam),
		contact: [ref(john)],
		start_time: '2024-03-05T14:00:00.000Z',
		end_time: '2024-03-05T15:00:00.000Z',
		status: 'scheduled',
	});

	add('tasks', {
		subject: 'Send proposal',
		type: ref(call),
		owner: ref(ava),
		account: ref(acme),
		contact: [ref(jane)],
		opportunity: [ref(deal)],
		status: 'open',
		due_date: '2024-04-01T09:00:00.000Z',
	});
	add('tasks', {
		subject: 'Follow up with Lena',
		owner: ref(sam),
		lead: [ref(lena)],
		status: 'completed',
		due_date: '2024-03-20T09:00:00.000Z',
		completed_at: '2024-03-19T16:00:00.000Z',
	});

	add('views', { name: 'All contacts', entity: 'contact' });
	add('views', { name: 'My open deals', entity: 'opportunity' });

	add('projects', {
		name: 'Website relaunch',
		amount: 25000,
		currency: 'USD',
		owner: ref(ava),
		account: ref(acme),
		status: 'active',
	});
	add('projects', {
		name: 'CRM migration',
		amount: 40000,
		currency: 'USD',
		owner: ref(sam),
		account: ref(globex),
		opportunity: [ref(deal)],
		status: 'planned',
	});

	add('workspaces', { name: 'Sales', description: 'The sales team' });
	add('workspaces', { name: 'Customer success', description: 'Renewals and onboarding' });
}

export function seedAll(store: TrutoStore, accounts: Accounts): void {
	for (const account of accounts.all())
		seedAccount(store, account.id as string, accounts.integrationOf(account.id as string));
}
