/**
 * The one GetInvalidation detail cache of the signed-in user, shared by every page that needs
 * paths or CallerReferences (history, detail page, cost): a detail fetched by one is never fetched
 * again by another, and no more than 4 requests run at once across them.
 */
import { currentSession } from '$lib/app-start';
import type { Session } from '$lib/auth/session.svelte';
import { AppFailure } from '$lib/errors';
import { createDetailCache, type DetailCache } from '$lib/history/detail-cache';
import { cloudFront } from './load';

const caches = new WeakMap<Session, { subject: string; cache: Promise<DetailCache> }>();

export function invalidationDetails(session: Session = currentSession()): Promise<DetailCache> {
	const subject = session.identity?.subject;
	if (!subject)
		return Promise.reject(new AppFailure({ kind: 'reauth-required', reason: 'Not signed in.' }));
	const known = caches.get(session);
	if (known?.subject === subject) return known.cache;
	const api = cloudFront(session);
	const cache = createDetailCache({
		userKey: subject,
		fetchDetail: (distributionId, id) => api.then((a) => a.getInvalidation(distributionId, id))
	});
	caches.set(session, { subject, cache });
	return cache;
}
