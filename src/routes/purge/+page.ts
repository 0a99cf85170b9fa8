import { appStart } from '$lib/app-start';
import { cloudFront } from '$lib/aws/load';
import { parseTargets } from '$lib/distributions/targets';
import type { PageLoad } from './$types';

// `/purge?d=<id>&d=<id>`: the query is the page, so it is rendered in the browser, never prerendered.
export const prerender = false;

export const load: PageLoad = ({ url }) => {
	const targets = parseTargets(url.searchParams);
	const session = appStart().session;
	const labels = new Map(session?.config.distributions.map((d) => [d.id, d.label]) ?? []);
	const named = targets.ids.map((id) => ({ id, label: labels.get(id) }));
	// Not signed in yet: the layout shows the sign-in gate, and this load runs again after it.
	if (!session?.identity) return { targets, named, reads: null };
	// One read per distribution, all at once; a refusal on one leaves the others.
	const api = cloudFront(session);
	return {
		targets,
		named,
		reads: Promise.allSettled(targets.ids.map((id) => api.then((a) => a.getDistribution(id))))
	};
};
