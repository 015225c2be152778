// Lint for the dev-only code (tests, sandbox, scripts, bench, build files), whatever the file
// extension: ESLint's and typescript-eslint's recommended rules, without the community-node
// rules. Those are for the package's nodes and credentials: `n8n-node lint` runs them with
// eslint.config.mjs, which strict mode requires to stay the default. `npm run lint` runs both.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['dist/', 'coverage/', '.n8n-e2e/', 'test/e2e/artifacts/', '.ci/.node24/'] },
	{
		files: ['{test,sandbox,scripts,bench}/**/*.{ts,cts,mts,js,cjs,mjs}', '*.{js,cjs,mjs}'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		languageOptions: { globals: { ...globals.node, ...globals.jest } },
		rules: {
			// `_name` marks what is deliberately unused (a required parameter, a dropped property).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
			],
		},
	},
	{
		// CommonJS by extension: require() is how these load modules.
		files: ['**/*.{js,cjs}'],
		languageOptions: { sourceType: 'commonjs' },
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
);
