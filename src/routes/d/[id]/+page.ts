import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { appStart } from '$lib/app-start';
import { cloudFront } from '$lib/aws/load';
import { distributionIdPattern } from '$lib/config';
import { RECENT_COUNT } from '$lib/history/recent-invalidations.svelte';
import type { PageLoad } from './$types';

// One URL per distribution, bookmarkable; rendered from the SPA fallback, never prerendered.
export const prerender = false;

export const load: PageLoad = ({ params }) => {
	// IDs are upper case; a hand-typed lower-case one still finds its page.
	const upper = params.id.toUpperCase();
	if (upper !== params.id && distributionIdPattern.test(upper))
		redirect(307, resolve('/d/[id]', { id: upper }));
	const id = params.id;
	const session = appStart().session;
	const label = session?.config.distributions.find((d) => d.id === id)?.label;
	// Not signed in yet: the layout shows the sign-in gate, and this load runs again after it.
	if (!distributionIdPattern.test(id) || !session?.identity)
		return { id, label, isWellFormed: distributionIdPattern.test(id), reads: null };
	// Both reads, and the purge panel's code, start at once; the page awaits each where it
	// renders it. The panel is not in the page's own chunk, so a bookmark opened before sign-in
	// does not download it only to leave for Cognito.
	const api = cloudFront(session);
	return {
		id,
		label,
		isWellFormed: true,
		reads: {
			distribution: api.then((a) => a.getDistribution(id)),
			recent: api.then((a) => a.listInvalidations(id, RECENT_COUNT)),
			panel: import('./purge-panel.svelte').then((m) => m.default)
		}
	};
};
