/**
 * What the editor shows for the Truto CRM Trigger: the Specific Integrated Account picker lists
 * the accounts of the token's environment, and the resources come from the Truto catalog.
 */
import { listSearch } from '../helpers/load-options.cjs';
import { trutoCredentials } from '../helpers/sandbox-credentials.cjs';
import { useTruto } from '../helpers/use-sandbox.cjs';
import { TrutoCrmTrigger } from '../../nodes/TrutoCrmTrigger/TrutoCrmTrigger.node';

const truto = useTruto();
const properties = new TrutoCrmTrigger().description.properties;

it('lists the environment’s integrated accounts for Specific Integrated Account', async () => {
	const page = await listSearch('searchIntegratedAccounts', {
		type: 'trutoCrmTrigger',
		parameters: { events: ['record:created'], integratedAccountFilter: 'specific' },
		credentials: trutoCredentials(truto),
	});
	expect(page.results).toEqual(
		expect.arrayContaining([
			{ name: 'hubspot · acme', value: truto.accounts.id('hubspot') },
			{ name: 'close · hooli (needs_reauth)', value: truto.accounts.id('expired') },
		]),
	);
});

it('offers Truto’s 17 CRM resources by their path names', () => {
	const resources = properties.find((p) => p.name === 'resources');
	const values = resources?.options?.map((o) => ('value' in o ? o.value : undefined));
	expect(values).toHaveLength(17);
	expect(values).toEqual(expect.arrayContaining(['leads', 'engagement_types', 'field_groups']));
});
