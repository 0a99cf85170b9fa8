/**
 * Lazy entry to the AWS layer: the SDK (about 70 KB gzip) loads only when a page first needs it,
 * so the sign-in path stays small.
 */
import { currentSession } from '$lib/app-start';
import type { Session } from '$lib/auth/session.svelte';
import { AppFailure } from '$lib/errors';
import type { CloudFrontApi } from './cloudfront';

const apis = new WeakMap<Session, Promise<CloudFrontApi>>();

/** Start fetching the SDK's code now (during the token exchange), without using it yet. */
export const preloadCloudFront = () => import('./cloudfront');

export function cloudFront(session: Session = currentSession()): Promise<CloudFrontApi> {
	let api = apis.get(session);
	if (!api) {
		const identity = session.identity;
		if (!identity)
			return Promise.reject(new AppFailure({ kind: 'reauth-required', reason: 'Not signed in.' }));
		api = preloadCloudFront().then((m) =>
			m.createCloudFrontApi(session.config, identity.subject, session.freshIdToken)
		);
		apis.set(session, api);
	}
	return api;
}
