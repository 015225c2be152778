import { capturedBytes, n8nCoreLog, occurrences, SECRET } from './capture.cjs';
import { verify } from './verify.cjs';

/**
 * Searches everything captured in this test file, and n8n-core's log, for the API key. The search is proven able to
 * find it first (a planted copy), so a scan of zero occurrences means something.
 */
export function secretScan(file: string, area: string): void {
	const detects =
		occurrences(SECRET, `planted ${SECRET} and ${Buffer.from(SECRET).toString('base64')}`) === 2;
	const log = n8nCoreLog();
	const found = occurrences(SECRET) + occurrences(SECRET, log);
	const scanned = capturedBytes() + log.length;
	verify(
		file,
		{
			area,
			scenario: 'API key in captured output',
			injected: 'key is a random string',
			items: `${Math.round(scanned / 1024)} KB scanned`,
			failures: `${found} occurrences`,
		},
		{ detects, found, captured: capturedBytes() > 1024 },
		{ detects: true, found: 0, captured: true },
	);
}
