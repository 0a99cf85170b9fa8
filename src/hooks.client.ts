import { base } from '$app/paths';
import type { ClientInit } from '@sveltejs/kit';
import { startApp } from '$lib/app-start';

// Config and session once per page load, before hydration (svelte.dev/docs/kit/hooks#Shared-hooks-init).
export const init: ClientInit = async () => {
	await startApp(fetch, base);
};
