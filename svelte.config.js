import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { styleSrc } from './csp.js';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
		// The console lives under a prefix of the site it purges (e.g. /_console); the fallback page
		// uses absolute paths, so the base is baked in at build time.
		paths: { base: process.env.BASE_PATH ?? '' },
		// Meta CSP with the bootstrap script's hash; connect-src comes from the hosting header
		// (auth-and-hosting.md §6.7) because endpoints differ per deployment.
		csp: {
			mode: 'hash',
			directives: {
				'script-src': ['self'],
				'style-src': styleSrc,
				'object-src': ['none'],
				'base-uri': ['self']
			}
		}
	}
};
