import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { distributionIdPattern } from '$lib/config';
import type { PageLoad } from './$types';

// One URL per distribution, bookmarkable; rendered from the SPA fallback, never prerendered.
export const prerender = false;

export const load: PageLoad = ({ params }) => {
	// IDs are upper case; a hand-typed lower-case one still finds its page.
	const upper = params.id.toUpperCase();
	if (upper !== params.id && distributionIdPattern.test(upper))
		redirect(307, resolve('/d/[id]', { id: upper }));
	return { id: params.id, isWellFormed: distributionIdPattern.test(params.id) };
};
