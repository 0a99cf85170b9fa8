import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { appStart } from '$lib/app-start';
import { cloudFront } from '$lib/aws/load';
import { configuredLabel, readDistributionId } from '$lib/distributions/address';
import { HISTORY_PAGE_SIZE } from '$lib/history/history-list.svelte';
import type { PageLoad } from './$types';

export const prerender = false;

// The filters live in the URL but are read by the page, not here: changing one must not run this
// load again (it would start the history over).
export const load: PageLoad = ({ params }) => {
	const { id, isWellFormed, needsCorrection } = readDistributionId(params.id);
	if (needsCorrection) redirect(307, resolve('/d/[id]/history', { id }));
	const session = appStart().session;
	const label = configuredLabel(session?.config, id);
	if (!isWellFormed || !session?.identity) return { id, label, isWellFormed, reads: null };
	// One ListInvalidations round trip to the first rows; nothing else waits before it.
	const first = cloudFront(session).then((a) => a.listInvalidations(id, HISTORY_PAGE_SIZE));
	return { id, label, isWellFormed, reads: { first } };
};
