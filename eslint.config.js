import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default defineConfig(
	globalIgnores(['build/', '.svelte-kit/', 'test-results/', 'playwright-report/', 'node_modules/']),
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	prettier,
	svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: { 'no-undef': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// Pure domain rings: no framework, no SDK (STYLE.md principle 1).
		files: [
			'src/lib/{paths,cost,history,purge,domain}/**/*.ts',
			'src/lib/config.ts',
			'src/lib/errors.ts'
		],
		ignores: ['**/*.svelte.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: ['svelte', 'svelte/*', '$app/*', '@aws-sdk/*', 'oauth4webapi'] }
			]
		}
	},
	{
		// The local stack is a dev/test tool: it must never import the console's code.
		files: ['local-stack/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: ['$lib/*', '**/src/**'] }]
		}
	},
	{
		files: ['src/**/*.svelte'],
		rules: { 'svelte/no-at-html-tags': 'error' }
	}
);
