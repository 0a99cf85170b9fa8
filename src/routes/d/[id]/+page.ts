import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { appStart } from '$lib/app-start';
import { cloudFront } from '$lib/aws/load';
import { configuredLabel, readDistributionId } from '$lib/distributions/address';
import { RECENT_COUNT } from '$lib/history/recent-count';
import type { PageLoad } from './$types';

// One URL per distribution, bookmarkable; rendered from the SPA fallback, never prerendered.
export const prerender = false;

export const load: PageLoad = ({ params }) => {
	const { id, isWellFormed, needsCorrection } = readDistributionId(params.id);
	if (needsCorrection) redirect(307, resolve('/d/[id]', { id }));
	const session = appStart().session;
	const label = configuredLabel(session?.config, id);
	// Not signed in yet: the layout shows the sign-in gate, and this load runs again after it.
	if (!isWellFormed || !session?.identity) return { id, label, isWellFormed, reads: null };
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
