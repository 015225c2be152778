// Jest config for the tests that drive a real n8n (`npm run test:e2e`); the unit config skips test/e2e/.
const path = require('node:path');
const root = path.resolve(__dirname, '../..');

/** @type {import('jest').Config} */
module.exports = {
	rootDir: root,
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.test.cts'],
	moduleFileExtensions: ['ts', 'cts', 'js', 'cjs', 'json'],
	transform: {
		'^.+\\.c?ts$': ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.test.json' }],
	},
	resolver: '<rootDir>/test/jest-resolver.cjs',
	// One n8n per test file; starting one takes several seconds, a cold install minutes.
	maxWorkers: 2,
	testTimeout: 120000,
};
