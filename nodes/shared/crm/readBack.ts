import type { IDataObject } from 'n8n-workflow';

/** What was written, for the note when reading it back fails. */
interface Written {
	id: string;
	/** "lead", "custom object" */
	noun: string;
	action: 'created' | 'updated';
}

/**
 * Reads back a record that was just written. The write happened whatever this read does, so a
 * failed read must not make the item look like a failed write (someone would run it again):
 * the item then carries the ID and `_readBack` with what went wrong.
 */
export async function readBack(
	read: () => Promise<IDataObject>,
	written: Written,
): Promise<IDataObject> {
	try {
		return await read();
	} catch (error) {
		const { message, description } = error as { message?: string; description?: string | null };
		return {
			id: written.id,
			_readBack: {
				error: message ?? String(error),
				...(description ? { description } : {}),
				hint: `The ${written.noun} was ${written.action}; only reading it back failed. Read it later with Get and this ID${written.action === 'created' ? ' — do not create it again' : ''}.`,
			},
		};
	}
}
