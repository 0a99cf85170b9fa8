/**
 * Lazy entry to the AWS layer: the SDK (about 70 KB gzip) loads only when a page first needs it,
 * so the sign-in path stays small (issue #3 size budget).
 */
import type { Session } from '$lib/auth/session.svelte';
import type { CloudFrontApi } from './cloudfront';

const apis = new WeakMap<Session, Promise<CloudFrontApi>>();

export function cloudFront(session: Session): Promise<CloudFrontApi> {
	let api = apis.get(session);
	if (!api) {
		const identity = session.identity;
		if (!identity) return Promise.reject(new Error('Not signed in.'));
		api = import('./cloudfront').then((m) =>
			m.createCloudFrontApi(session.config, identity.subject, session.freshIdToken)
		);
		apis.set(session, api);
	}
	return api;
}
