import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { appStart } from '$lib/app-start';
import { cloudFront } from '$lib/aws/load';
import { configuredLabel, readDistributionId } from '$lib/distributions/address';
import { detailCacheFor } from '$lib/history/session-detail-cache';
import type { PageLoad } from './$types';

export const prerender = false;

/** CloudFront's invalidation IDs are upper-case letters and digits, such as I2J0I21PCUYOIK. */
const invalidationIdPattern = /^[A-Z0-9]{1,64}$/;

export const load: PageLoad = ({ params }) => {
	const distribution = readDistributionId(params.id);
	const id = distribution.id;
	const invalidationId = params.invalidationId.toUpperCase();
	const isWellFormed = distribution.isWellFormed && invalidationIdPattern.test(invalidationId);
	// A hand-typed lower-case address still finds its page.
	if (isWellFormed && (id !== params.id || invalidationId !== params.invalidationId))
		redirect(307, resolve('/d/[id]/invalidations/[invalidationId]', { id, invalidationId }));
	const session = appStart().session;
	const label = configuredLabel(session?.config, id);
	if (!isWellFormed || !session?.identity)
		return {
			id: params.id,
			invalidationId: params.invalidationId,
			label,
			isWellFormed,
			reads: null
		};
	const api = cloudFront(session);
	return {
		id,
		invalidationId,
		label,
		isWellFormed,
		reads: {
			// Through the detail cache: a Completed invalidation read before costs no request.
			invalidation: detailCacheFor(session).then((c) => c.get(id, invalidationId)),
			distribution: api.then((a) => a.getDistribution(id))
		}
	};
};
