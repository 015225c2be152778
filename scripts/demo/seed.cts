/**
 * Demo data the lead-routing templates rely on: the three owners their "Assign … Owner" nodes
 * name (placeholders in the templates; real users replace them with their CRM's user IDs), added
 * to every consumer connection of an Apideck sandbox or every integrated account of a Truto
 * sandbox, plus the shape of a new inbound lead in each API.
 */
import { randomUUID } from 'node:crypto';

import type { Sandbox } from '../../sandbox/apideck/index.cjs';
import type { TrutoSandbox } from '../../sandbox/truto/index.cjs';

export interface DemoOwner {
	id: string;
	name: string;
	email: string;
	region: 'Americas' | 'Europe' | 'Rest of World';
}

/** Same IDs as templates/lead-routing.json. */
export const DEMO_OWNERS: DemoOwner[] = [
	{
		id: 'demo-owner-americas',
		name: 'Alex Americas',
		email: 'alex@sandbox.test',
		region: 'Americas',
	},
	{ id: 'demo-owner-europe', name: 'Emma Europe', email: 'emma@sandbox.test', region: 'Europe' },
	{
		id: 'demo-owner-rest',
		name: 'Riley Global',
		email: 'riley@sandbox.test',
		region: 'Rest of World',
	},
];

/** Country of the first address → owner the template must pick. */
export function expectedOwner(country: string | undefined): DemoOwner {
	const code = (country ?? '').toUpperCase();
	if (/^(US|CA|MX|BR|AR|CL|CO)$/.test(code)) return DEMO_OWNERS[0];
	if (/^(DE|AT|CH|FR|BE|NL|LU|GB|IE|ES|PT|IT|DK|SE|NO|FI|PL)$/.test(code)) return DEMO_OWNERS[1];
	return DEMO_OWNERS[2];
}

/** The fields both APIs name alike for a user. */
function userFields(owner: DemoOwner) {
	const [first_name, last_name] = owner.name.split(' ');
	return { id: owner.id, name: owner.name, first_name, last_name };
}

export function seedDemoOwners(sandbox: Sandbox): void {
	for (const [consumerId, services] of Object.entries(sandbox.consumers)) {
		for (const serviceId of services) {
			for (const owner of DEMO_OWNERS) {
				sandbox.store.insert(
					'users',
					{
						...userFields(owner),
						emails: [{ email: owner.email, type: 'primary' }],
						status: 'active',
						division: owner.region,
					},
					{ consumerId, serviceId },
				);
			}
		}
	}
}

const PEOPLE = [
	['Lucía', 'Fernández', 'AR'],
	['Noah', 'Miller', 'US'],
	['Chloé', 'Martin', 'FR'],
	['Jonas', 'Becker', 'DE'],
	['Aiko', 'Tanaka', 'JP'],
	['Priya', 'Sharma', 'IN'],
	['Liam', 'Walsh', 'IE'],
	['Olivia', 'Brown', 'CA'],
];

/** The same owners as users of every integrated account of a Truto sandbox. */
export function seedTrutoOwners(truto: TrutoSandbox): void {
	for (const account of truto.accounts.all()) {
		for (const owner of DEMO_OWNERS) {
			truto.store.insert(
				'users',
				{
					...userFields(owner),
					email_addresses: [{ email: owner.email, type: 'work' }],
					is_active: true,
				},
				String(account.id),
			);
		}
	}
}

/** A person from `country` (or anywhere), with a tag that makes the e-mail address unique. */
function person(country?: string) {
	const pick = country
		? (PEOPLE.find((p) => p[2] === country.toUpperCase()) ?? ['Sam', 'Example', country])
		: PEOPLE[Math.floor(Math.random() * PEOPLE.length)];
	const [first_name, last_name, code] = pick;
	const email = `${first_name.toLowerCase()}.${randomUUID().slice(0, 6)}@example.test`;
	return { first_name, last_name, code: code.toUpperCase(), email };
}

/** A create-lead body for Apideck (`POST /crm/leads`) with the given (or a random) country. */
export function newLeadBody(country?: string): Record<string, unknown> {
	const { first_name, last_name, code, email } = person(country);
	return {
		name: `${first_name} ${last_name}`,
		first_name,
		last_name,
		company_name: `${last_name} ${code} Ltd`,
		lead_source: 'website',
		status: 'new',
		emails: [{ email, type: 'primary' }],
		addresses: [{ type: 'primary', city: 'Somewhere', country: code }],
	};
}

/** A create-lead body for Truto (`POST /unified/crm/leads`) with the given (or a random) country. */
export function newTrutoLeadBody(country?: string): Record<string, unknown> {
	const { first_name, last_name, code, email } = person(country);
	return {
		first_name,
		last_name,
		lead_source: 'website',
		status: 'new',
		email_addresses: [{ email, type: 'work' }],
		addresses: [{ type: 'work', city: 'Somewhere', country: code }],
	};
}
