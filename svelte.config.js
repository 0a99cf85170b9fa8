import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { metaDirectives } from './infra/rules/csp.js';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	// No `window.__svelte.v` version marker: one chunk less to fetch on every page (0.2 KB gzip).
	compilerOptions: { discloseVersion: false },
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
		// The console lives under a prefix of the site it purges (e.g. /_console); the fallback page
		// uses absolute paths, so the base is baked in at build time.
		paths: { base: process.env.BASE_PATH ?? '' },
		// The meta policy: every directive that holds for any deployment, plus the bootstrap
		// script's hash. The deployment's header adds default-src 'none' and connect-src
		// (infra/rules/csp.js explains the split).
		csp: { mode: 'hash', directives: metaDirectives }
	}
};
