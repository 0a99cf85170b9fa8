import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { appStart } from '$lib/app-start';
import { cloudFront } from '$lib/aws/load';
import { configuredLabel, readDistributionId } from '$lib/distributions/address';
import { RECENT_COUNT } from '$lib/history/recent-count';
import type { PageLoad } from './$types';

// One URL per distribution, bookmarkable; rendered from the SPA fallback, never prerendered.
export const prerender = false;

export const load: PageLoad = ({ params, url, untrack }) => {
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
	// A link's ?path= values join the draft as the form is shown, so their code comes with the
	// panel's, and only for such a link. Untracked, as before: the panel reads them once.
	const links = untrack(() => url.searchParams.has('path')) ? import('$lib/paths/links') : null;
	return {
		id,
		label,
		isWellFormed: true,
		reads: {
			distribution: api.then((a) => a.getDistribution(id)),
			recent: api.then((a) => a.listInvalidations(id, RECENT_COUNT)),
			panel: Promise.all([import('./purge-panel.svelte'), links]).then(([m, l]) => ({
				PurgePanel: m.default,
				links: l
			}))
		}
	};
};
