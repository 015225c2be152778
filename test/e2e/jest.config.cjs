// Jest config for the tests that drive a real n8n (`npm run test:e2e`); the unit config skips test/e2e/.
// One jest project per n8n version: N8N_VERSIONS=2.40.7,1.123.81 (default: both); the tests read
// theirs from the global __N8N_VERSION__ (test/e2e/helpers/n8n-version.cts).
const path = require('node:path');
const root = path.resolve(__dirname, '../..');

const versions = (process.env.N8N_VERSIONS || '2.40.7,1.123.81')
	.split(',')
	.map((v) => v.trim())
	.filter(Boolean);

const project = (version) => ({
	displayName: `n8n ${version}`,
	rootDir: root,
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.test.cts'],
	moduleFileExtensions: ['ts', 'cts', 'js', 'cjs', 'json'],
	transform: {
		'^.+\\.c?ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	resolver: '<rootDir>/scripts/dev-loader.cjs',
	globals: { __N8N_VERSION__: version },
});

/** @type {import('jest').Config} */
module.exports = {
	projects: versions.map(project),
	// One n8n per test file; starting one takes several seconds, a cold install minutes.
	maxWorkers: 2,
	testTimeout: 120000,
	verbose: true,
};
