import type { INodeProperties } from 'n8n-workflow';

/** The parameters a resource/operation view shows, without their displayOptions. */
export function visibleIn(list: INodeProperties[], resource: string, operation: string) {
	return list
		.filter((property) => {
			const show = property.displayOptions?.show;
			return (
				(show?.resource as string[] | undefined)?.includes(resource) &&
				(show?.operation as string[] | undefined)?.includes(operation)
			);
		})
		.map((property) => ({ ...property, displayOptions: undefined }));
}
