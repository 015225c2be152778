// Prints each test file's counts rows as it finishes, then the whole reliability matrix.
const fs = require('node:fs');
const path = require('node:path');

const COLUMNS = [
	['area', 'area'],
	['scenario', 'scenario'],
	['injected', 'faults injected'],
	['requests', 'requests'],
	['items', 'items / events'],
	['lost', 'lost'],
	['duplicates', 'dup'],
	['failures', 'errors (clear)'],
	['rejected', 'rejected'],
	['executions', 'executions'],
	['result', 'result'],
];

function readRows(dir, file) {
	if (!dir || !fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((name) => name.endsWith('.jsonl') && (!file || name === file))
		.sort()
		.flatMap((name) =>
			fs
				.readFileSync(path.join(dir, name), 'utf8')
				.split('\n')
				.filter(Boolean)
				.map((line) => JSON.parse(line)),
		);
}

function render(rows) {
	const cells = rows.map((row) => COLUMNS.map(([key]) => String(row[key] ?? '')));
	const header = COLUMNS.map(([, title]) => title);
	const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
	const line = (c) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
	return [
		line(header),
		`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
		...cells.map(line),
	].join('\n');
}

class MatrixReporter {
	onTestResult(_test, result) {
		const file = `${path.basename(result.testFilePath).replace(/\W/g, '_')}.jsonl`;
		const rows = readRows(process.env.RELIABILITY_ROWS_DIR, file);
		if (rows.length)
			process.stdout.write(`\n${path.basename(result.testFilePath)}\n${render(rows)}\n`);
	}

	onRunComplete() {
		const rows = readRows(process.env.RELIABILITY_ROWS_DIR);
		if (!rows.length) return;
		const failed = rows.filter((row) => row.result !== 'ok').length;
		process.stdout.write(
			`\nReliability matrix (${new Date().toISOString()}, ${rows.length} rows, ${failed} not ok)\n${render(rows)}\n`,
		);
		const logs = path.join(process.env.RELIABILITY_ROWS_DIR, 'n8n-core-worker-*.log');
		process.stdout.write(`n8n-core's debug log (scanned for the API key): ${logs}\n`);
	}
}

module.exports = MatrixReporter;
