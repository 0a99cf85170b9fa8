import { sveltekit } from '@sveltejs/kit/vite';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vitest/config';
import { sdkBrowserTrims } from './scripts/sdk-browser-trims.mjs';
import { sdkErrorClasses } from './scripts/sdk-error-classes.mjs';

export default defineConfig({
	plugins: [tailwindcss(), sveltekit(), sdkErrorClasses(), sdkBrowserTrims()],
	preview: { port: 4173, strictPort: true },
	test: {
		include: [
			'src/**/*.{test,spec}.{js,ts}',
			'local-stack/**/*.{test,spec}.ts',
			'scripts/**/*.spec.ts'
		],
		environment: 'node',
		env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
		testTimeout: 20_000,
		globalSetup: ['vitest.global-setup.ts'],
		setupFiles: ['vitest.setup.ts'],
		// A test that asserts nothing fails instead of passing silently.
		expect: { requireAssertions: true }
	}
});
