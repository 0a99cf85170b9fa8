import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The infra tests: CDK assertions on the synthesised template, cfn-lint, the hosting rules and the
// deploy plan. Separate from the app's unit tests, which need no aws-cdk-lib.
export default defineConfig({
	root: fileURLToPath(new URL('..', import.meta.url)),
	test: {
		include: ['infra/**/*.spec.ts'],
		exclude: ['infra/node_modules/**'],
		environment: 'node',
		testTimeout: 30_000
	}
});
