/**
 * What every credential's test must hold, whatever the backend: an unusable secret or Base URL
 * is refused before anything is sent, and a redirect is not followed (the secret would go along).
 */
import { closeReceivers, receiver } from '../../sandbox/http/test-receiver.cjs';

interface SafetyTarget {
	/** The running sandbox: its URL, recorded requests and fault queue. */
	sandbox: {
		url: string;
		requests: unknown[];
		faults: { redirect(opts: { status: number; location: string }): void; clear(): void };
	};
	/** Runs the credential test with these credential values changed. */
	test: (overrides: Record<string, string>) => Promise<{ error?: Error }>;
	/** The secret's field and what the credential calls it ("API key"). */
	secretField: string;
	secretLabel: string;
	/** The path the test request reads, and an answer that would pass for it. */
	testPath: string;
	passingAnswer: string;
}

export function credentialSafetyTests(target: () => SafetyTarget): void {
	it.each([
		['a secret shorter than 8 characters', (t: SafetyTarget) => ({ [t.secretField]: 'short' })],
		['a Base URL with a fragment', (t: SafetyTarget) => ({ baseUrl: `${t.sandbox.url}/#` })],
		['a Base URL with a query', (t: SafetyTarget) => ({ baseUrl: `${t.sandbox.url}/?x=1` })],
		[
			'a plain-http Base URL to another host',
			(t: SafetyTarget) => ({ baseUrl: t.sandbox.url.replace('127.0.0.1', '127.0.0.2') }),
		],
	])('refuses %s before sending anything, saying what is wrong', async (name, overrides) => {
		const t = target();
		const { error } = await t.test(overrides(t));
		const says = name.startsWith('a secret')
			? new RegExp(`${t.secretLabel} is only 5 characters`)
			: name.includes('plain-http')
				? /must start with https/
				: /Base URL is not usable: .*"(#|\?)"/;
		expect(error?.message).toMatch(says);
		expect(t.sandbox.requests).toEqual([]);
		expect(JSON.stringify(error)).not.toContain('"short"');
	});

	it('does not follow a redirect, so the secret never reaches the other host', async () => {
		const t = target();
		const elsewhere = await receiver(200, t.passingAnswer);
		try {
			t.sandbox.faults.redirect({ status: 307, location: `${elsewhere.url}${t.testPath}` });
			const { error } = await t.test({});
			expect(error).toBeDefined();
			expect(elsewhere.received).toEqual([]);
		} finally {
			t.sandbox.faults.clear();
			await closeReceivers();
		}
	});
}
