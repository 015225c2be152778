// `npm run test:reliability`: scripted faults against the sandbox. Files are *.reliability.cts so that
// the default jest config (`npm test`, which matches *.test.cts under test/) does not pick them up.
// Each test records a counts row; matrix-reporter.cjs prints them and the whole matrix at the end.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// Read by the workers (they inherit this process's environment) and by the reporter.
process.env.RELIABILITY_ROWS_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'apideck-reliability-'));

const root = path.resolve(__dirname, '../..');

/** @type {import('jest').Config} */
module.exports = {
	rootDir: root,
	testEnvironment: 'node',
	roots: ['<rootDir>/test/reliability'],
	testMatch: ['**/*.reliability.cts'],
	moduleFileExtensions: ['ts', 'cts', 'js', 'cjs', 'json'],
	transform: {
		'^.+\\.c?ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	resolver: '<rootDir>/scripts/dev-loader.cjs',
	setupFiles: ['<rootDir>/test/reliability/support/setup-env.cjs'],
	reporters: ['default', '<rootDir>/test/reliability/support/matrix-reporter.cjs'],
	testTimeout: 120000,
	maxWorkers: 2,
};
