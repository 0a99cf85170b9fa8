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
		// Type-aware: a promise nobody awaits loses its errors; an async handler where a void
		// callback is expected drops them too. Mark a deliberate fire-and-forget with `void`.
		files: ['**/*.ts', '**/*.svelte'],
		languageOptions: {
			parserOptions: {
				// Root config files belong to no tsconfig; give them the default project.
				projectService: { allowDefaultProject: ['playwright.config.ts', 'vitest.*.ts'] }
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error'
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
