/**
 * Opaque cursors: base64url of "<salt>:<list>:<offset>". The salt is random per sandbox, so a
 * cursor from another sandbox, another list or a hand-made string does not decode.
 */
export class Cursors {
	constructor(private salt: string) {}

	encode(list: string, offset: number): string {
		return Buffer.from(`${this.salt}:${list}:${offset}`).toString('base64url');
	}

	decode(list: string, cursor: string): number | undefined {
		const text = Buffer.from(cursor, 'base64url').toString('utf8');
		const prefix = `${this.salt}:${list}:`;
		if (!text.startsWith(prefix)) return undefined;
		const offset = text.slice(prefix.length);
		return /^\d+$/.test(offset) ? Number(offset) : undefined;
	}
}
