import { appStart } from '$lib/app-start';
import { cloudFront } from '$lib/aws/load';
import type { PageLoad } from './$types';

export const load: PageLoad = () => {
	const session = appStart().session;
	// Not signed in yet: the layout shows the sign-in gate, and this load runs again after it.
	if (!session?.identity) return { configured: session?.config.distributions ?? [], listed: null };
	// ListDistributions where the role may call it; the page falls back to the config's list.
	return {
		configured: session.config.distributions,
		listed: cloudFront(session).then((api) => api.listDistributions())
	};
};
