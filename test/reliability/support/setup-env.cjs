// n8n's logger at its most talkative, so that the secret scan sees everything it says. n8n-core's
// logger (winston) binds console.log when it is created, before a test file can capture the
// console, so it writes to a file per jest worker beside the matrix rows instead: the run prints
// the matrix, not thousands of debug lines, and support/secret-scan.cts reads the file.
const path = require('node:path');

process.env.N8N_LOG_LEVEL = 'debug';
process.env.N8N_LOG_OUTPUT = 'file';
process.env.N8N_LOG_FILE_LOCATION = path.join(
	process.env.RELIABILITY_ROWS_DIR,
	`n8n-core-worker-${process.env.JEST_WORKER_ID ?? '1'}.log`,
);
