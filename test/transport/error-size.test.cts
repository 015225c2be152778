/**
 * An error carries a bounded amount of text: a 5 MB answer must not become a 5 MB headline or
 * description, nor tens of MB of run data (n8n stores the error, its description and the answer
 * kept on it). What is cut says so.
 */
import { probe } from '../helpers/probe.cjs';
import { useSandbox } from '../helpers/use-sandbox.cjs';

const sandbox = useSandbox({ reset: 'requests' });
beforeEach(() => sandbox.faults.clear());

const FIVE_MB = 5 * 1024 * 1024;
const big = (char: string) => char.repeat(FIVE_MB);

test.each([
	['a 5 MB JSON detail', { typeName: 'RequestValidationError', detail: { rows: [big('d')] } }],
	['a 5 MB detail text', { typeName: 'RequestValidationError', detail: big('t') }],
	['a 5 MB message of an unknown error type', { typeName: 'OddError', message: big('m') }],
])('%s is cut to about 10 KB, saying so', async (_case, fault) => {
	sandbox.faults.error({ status: 400, message: 'Invalid Params', ...fault });
	const { error, run } = await probe(sandbox, { method: 'POST', path: '/crm/leads', body: {} });

	expect(error?.message.length).toBeLessThan(1_000);
	expect(error?.description?.length).toBeLessThan(11_000);
	expect(`${error?.message} ${error?.description}`).toMatch(/\[cut: \d+ more characters\]/);
	expect(error?.description).toContain('Request: POST /crm/leads');
	expect(JSON.stringify(run).length).toBeLessThan(100_000);
});
