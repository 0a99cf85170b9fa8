/**
 * THE detail cache of the signed-in user: one per session, shared by the cost estimate's month
 * count and the history browser, so an invalidation's details are fetched once for both.
 */
import type { Session } from '$lib/auth/session.svelte';
import { cloudFront } from '$lib/aws/load';
import { AppFailure } from '$lib/errors';
import { createDetailCache, type DetailCache } from './detail-cache';

const caches = new WeakMap<Session, Promise<DetailCache>>();

export function detailCacheFor(session: Session): Promise<DetailCache> {
	let cache = caches.get(session);
	if (!cache) {
		const identity = session.identity;
		if (!identity)
			return Promise.reject(new AppFailure({ kind: 'reauth-required', reason: 'Not signed in.' }));
		const api = cloudFront(session);
		cache = createDetailCache({
			userKey: identity.subject,
			fetchDetail: (distributionId, id) => api.then((a) => a.getInvalidation(distributionId, id))
		});
		caches.set(session, cache);
	}
	return cache;
}
