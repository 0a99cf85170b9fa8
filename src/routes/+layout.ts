import { base } from '$app/paths';
import { loadConfig } from '$lib/load-config';
import type { LayoutLoad } from './$types';

// A static SPA: one shell, rendered in the browser (svelte.dev/docs/kit/single-page-apps).
export const prerender = true;
export const ssr = false;

export const load: LayoutLoad = async ({ fetch }) => ({
	configResult: await loadConfig(fetch, base)
});
