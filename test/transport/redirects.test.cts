/**
 * A redirect from the Base URL is never followed: following it would send the API key (and a
 * create's body) to whatever host the Location names, and turn a POST into a GET whose answer
 * looks like success. A second server records what would have reached it.
 */
import { closeReceivers, receiver, type Receiver } from '../../sandbox/http/test-receiver.cjs';
import { probe } from '../helpers/probe.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';

const sandbox = useSandbox({ reset: 'requests' });
let elsewhere: Receiver;

beforeAll(async () => {
	// Answers like Apideck would, so that a followed redirect would look like a success.
	elsewhere = await receiver(200, JSON.stringify({ data: { id: 'made-up' } }));
});
afterAll(() => closeReceivers());
beforeEach(() => {
	sandbox.faults.clear();
	elsewhere.received.length = 0;
});

describe.each([301, 302, 303, 307, 308])('a %i from the Base URL to another host', (status) => {
	test.each(['GET', 'POST'])(
		'%s stops with an error naming the Location; the other host receives nothing',
		async (method) => {
			const location = `${elsewhere.url}/crm/leads`;
			sandbox.faults.redirect({ status, location });
			const { error, items } = await probe(sandbox, {
				method,
				path: '/crm/leads',
				body: method === 'POST' ? { name: 'Kept Here' } : undefined,
			});

			expect(items).toEqual([]);
			expect(error?.message).toBe(`Apideck answered with a redirect to ${location} (${status})`);
			expect(error?.description).toContain('Fix the Base URL in the Apideck credential');
			expect(elsewhere.received).toEqual([]);
			// Not retried either: a redirect says nothing about trying again.
			expect(sandbox.requests).toHaveLength(1);
		},
	);
});

test('a redirect without a Location says so', async () => {
	sandbox.faults.answer({ respond: () => ({ status: 302, body: '' }) });
	const { error } = await probe(sandbox, { path: '/crm/leads' });
	expect(error?.message).toBe('Apideck answered with a redirect without saying where to (302)');
});
