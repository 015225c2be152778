import type { CrmStore, StoreScope } from './store.cjs';

/** A small, linked data set for one consumer connection (users own records, deals sit in a pipeline). */
export function seedConnection(store: CrmStore, consumerId: string, serviceId: string): void {
	const scope: StoreScope = { consumerId, serviceId };
	const add = (resource: string, record: Record<string, unknown>, extra: StoreScope = {}) =>
		store.insert(resource, record, { ...scope, ...extra }).id as string;
	const email = (address: string) => [{ email: address, type: 'primary' }];
	const phone = (number: string) => [{ number, type: 'primary' }];

	const ava = add('users', {
		name: 'Ava Admin',
		first_name: 'Ava',
		last_name: 'Admin',
		emails: email('ava@sandbox.test'),
		status: 'active',
	});
	const sam = add('users', {
		name: 'Sam Seller',
		first_name: 'Sam',
		last_name: 'Seller',
		emails: email('sam@sandbox.test'),
		status: 'active',
	});

	const acme = add('companies', {
		name: 'Acme Corp',
		owner_id: ava,
		industry: 'Manufacturing',
		description: `Seeded for ${serviceId}`,
		emails: email('hello@acme.test'),
		websites: [{ url: 'https://acme.test', type: 'primary' }],
	});
	const globex = add('companies', {
		name: 'Globex',
		owner_id: sam,
		industry: 'Energy',
		emails: email('info@globex.test'),
	});
	add('companies', { name: 'Initech', owner_id: sam, industry: 'Software' });

	const jane = add('contacts', {
		name: 'Jane Doe',
		first_name: 'Jane',
		last_name: 'Doe',
		company_id: acme,
		owner_id: ava,
		emails: email('jane@acme.test'),
		phone_numbers: phone('+1 555 0100'),
		title: 'CTO',
	});
	const john = add('contacts', {
		name: 'John Smith',
		first_name: 'John',
		last_name: 'Smith',
		company_id: globex,
		owner_id: sam,
		emails: email('john@globex.test'),
	});
	add('contacts', {
		name: 'Mia Wong',
		first_name: 'Mia',
		last_name: 'Wong',
		owner_id: sam,
		emails: email('mia@example.test'),
	});

	add('leads', {
		name: 'Lena Lead',
		first_name: 'Lena',
		last_name: 'Lead',
		company_name: 'Umbrella',
		owner_id: ava,
		emails: email('lena@umbrella.test'),
		phone_numbers: phone('+1 555 0199'),
		status: 'new',
		lead_source: 'website',
	});
	add('leads', {
		name: 'Omar Prospect',
		first_name: 'Omar',
		last_name: 'Prospect',
		company_name: 'Hooli',
		owner_id: sam,
		emails: email('omar@hooli.test'),
		status: 'contacted',
	});
	add('leads', {
		name: 'Pia Inbound',
		first_name: 'Pia',
		last_name: 'Inbound',
		company_name: 'Vandelay',
		emails: email('pia@vandelay.test'),
		status: 'new',
	});

	const stages = [
		{
			id: 'qualified',
			name: 'Qualified',
			value: 'QUALIFIED',
			win_probability: 20,
			display_order: 1,
		},
		{ id: 'proposal', name: 'Proposal', value: 'PROPOSAL', win_probability: 60, display_order: 2 },
		{ id: 'won', name: 'Closed Won', value: 'WON', win_probability: 100, display_order: 3 },
	];
	const sales = add('pipelines', {
		name: 'Sales Pipeline',
		currency: 'USD',
		active: true,
		display_order: 1,
		stages,
	});
	add('pipelines', {
		name: 'Renewals',
		currency: 'USD',
		active: true,
		display_order: 2,
		stages: stages.slice(1),
	});

	const deal = add('opportunities', {
		title: 'Acme rollout',
		company_id: acme,
		primary_contact_id: jane,
		owner_id: ava,
		pipeline_id: sales,
		pipeline_stage_id: 'proposal',
		monetary_amount: 12000,
		currency: 'USD',
		win_probability: 60,
		status: 'open',
	});
	add('opportunities', {
		title: 'Globex pilot',
		company_id: globex,
		primary_contact_id: john,
		owner_id: sam,
		pipeline_id: sales,
		pipeline_stage_id: 'qualified',
		monetary_amount: 3000,
		currency: 'USD',
		win_probability: 20,
		status: 'open',
	});

	add('notes', {
		title: 'Kick-off call',
		content: 'Agreed on a two-week pilot.',
		owner_id: ava,
		company_id: acme,
		opportunity_id: deal,
	});
	add('notes', {
		title: 'Pricing question',
		content: 'Asked for volume discount.',
		owner_id: sam,
		contact_id: john,
	});

	add('activities', {
		type: 'call',
		title: 'Discovery call',
		owner_id: ava,
		company_id: acme,
		contact_id: jane,
		activity_datetime: '2024-03-01T10:00:00.000Z',
		duration_seconds: 1800,
	});
	add('activities', {
		type: 'meeting',
		title: 'Demo',
		owner_id: sam,
		company_id: globex,
		contact_id: john,
		start_datetime: '2024-03-05T14:00:00.000Z',
		end_datetime: '2024-03-05T15:00:00.000Z',
	});

	const newsletter = add('lists', {
		name: 'Newsletter',
		description: 'Contacts who opted in',
		object_type: 'contact',
		record_count: 2,
		is_dynamic: false,
	});
	add('list-members', { id: jane, object_type: 'contact' }, { listId: newsletter });
	add('list-members', { id: john, object_type: 'contact' }, { listId: newsletter });

	const project = add('custom-object-schemas', {
		name: 'project',
		description: 'Customer projects',
		visible: true,
		active: true,
		fields: [
			{ id: 'name', name: 'Name', type: 'string', required: true },
			{ id: 'budget', name: 'Budget', type: 'number', required: false },
			{ id: 'start_date', name: 'Start Date', type: 'date', required: false },
		],
	});
	add(
		'custom-objects',
		{ name: 'Website relaunch', fields: [{ id: 'budget', name: 'Budget', value: 25000 }] },
		{ objectId: project },
	);
	add(
		'custom-objects',
		{ name: 'CRM migration', fields: [{ id: 'budget', name: 'Budget', value: 40000 }] },
		{ objectId: project },
	);
}

export function seedAll(store: CrmStore, consumers: Record<string, string[]>): void {
	for (const [consumerId, services] of Object.entries(consumers)) {
		for (const serviceId of services) seedConnection(store, consumerId, serviceId);
	}
}
