import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { lowerName, pluralOf, readId, show } from '../../shared/crm';
import type { CatalogResource } from '../catalog';
import { optionsProperty } from '../descriptions/common';
import { locatorProperty } from '../descriptions/locators';
import { readOptions, readQuery, splitList } from './parameters';
import { sendWrite } from './records';

/** Merge: duplicates of a record folded into the one to keep (accounts and contacts). */
export function description(resource: CatalogResource): INodeProperties[] {
	const noun = lowerName(resource);
	return [
		locatorProperty(resource.value, {
			displayName: `${resource.displayName} to Keep`,
			name: 'id',
			required: true,
			description: `The ${noun} the duplicates are merged into: pick it from the list, or give its ID`,
			displayOptions: show(resource, ['merge']),
		}),
		{
			displayName: 'Duplicates',
			name: 'duplicates',
			type: 'fixedCollection',
			placeholder: 'Add Duplicate',
			required: true,
			default: {},
			typeOptions: { multipleValues: true },
			description: `The ${pluralOf(noun)} to merge into it; the CRM removes them. Some CRMs take at most two at a time.`,
			displayOptions: show(resource, ['merge']),
			options: [
				{
					displayName: 'Duplicate',
					name: 'records',
					values: [
						locatorProperty(resource.value, {
							displayName: 'Duplicate',
							name: 'id',
							description: `A duplicate ${noun}: pick it from the list, or give its ID`,
						}),
						{
							displayName: 'Fields to Take From It',
							name: 'fields',
							type: 'string',
							default: '',
							placeholder: 'e.g. phone_numbers,title',
							description:
								'Comma-separated unified field names whose values the kept record takes from this duplicate',
						},
					],
				},
			],
		},
		optionsProperty(resource, 'merge'),
	];
}

const picked = (value: unknown) =>
	String(
		value && typeof value === 'object' ? ((value as IDataObject).value ?? '') : (value ?? ''),
	).trim();

export async function execute(
	this: IExecuteFunctions,
	resource: CatalogResource,
	itemIndex: number,
): Promise<IDataObject[]> {
	const endpoint = resource.operations.merge!;
	const keep = readId(this, 'id', itemIndex, `${resource.displayName} to Keep`);
	const entries = ((this.getNodeParameter('duplicates', itemIndex, {}) as IDataObject).records ??
		[]) as IDataObject[];
	const duplicates = entries
		.map((entry) => ({
			id: picked(entry.id),
			fields: splitList(entry.fields).map((name) => ({ name })),
		}))
		.filter((entry) => entry.id);
	if (!duplicates.length || duplicates.some((entry) => entry.id === keep)) {
		throw new NodeOperationError(
			this.getNode(),
			duplicates.length
				? `The ${lowerName(resource)} to keep is also listed as a duplicate (item ${itemIndex})`
				: `No duplicates to merge (item ${itemIndex})`,
			{ itemIndex, description: 'Add at least one other record under Duplicates.' },
		);
	}
	const { options, call } = readOptions(this, itemIndex);
	const body = { master_record: { id: keep }, duplicate_records: duplicates };
	const response = await sendWrite(
		this,
		endpoint,
		endpoint.path,
		body,
		call,
		readQuery(endpoint, options),
	);
	// Truto answers its custom methods with { result }: the merged record.
	const merged = response.result;
	return [merged && typeof merged === 'object' ? (merged as IDataObject) : response];
}
