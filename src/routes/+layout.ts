import { appStart } from '$lib/app-start';
import type { LayoutLoad } from './$types';

// A static SPA: one shell, rendered in the browser (svelte.dev/docs/kit/single-page-apps).
export const prerender = true;
export const ssr = false;

export const load: LayoutLoad = () => ({ configResult: appStart().configResult });
