/**
 * The purge page's queue, loaded right after the form is shown: opening it finds (and resumes) a
 * stored queue; a list over one request's limits is sent through it.
 */
import type { Session } from '$lib/auth/session.svelte';
import { cloudFront } from '$lib/aws/load';
import { detailCacheFor } from '$lib/history/session-detail-cache';
import { LiveQueue } from '$lib/purge/live-queue.svelte';
import { openQueueStore } from '$lib/purge/queue-store';

export { default as QueueProgress } from '$lib/components/queue-progress.svelte';
export { needsQueue } from '$lib/purge/queue';
export { queueStartMessage } from '$lib/purge/queue-start';

/**
 * The queue of this user for this distribution, opened (shown, and resumed when unfinished), on a
 * store of its own; `close` when the page is left.
 */
export function openLiveQueue(
	session: Session,
	distributionId: string,
	recent?: ConstructorParameters<typeof LiveQueue>[0]['recent']
): { live: LiveQueue; close: () => void } {
	const identity = session.identity;
	const store = openQueueStore();
	const live = new LiveQueue({
		store,
		api: cloudFront(session),
		owner: { subject: identity?.subject ?? '', email: identity?.email ?? '' },
		distributionId,
		details: () => detailCacheFor(session),
		recent
	});
	void live.open();
	return {
		live,
		close: () => {
			live.destroy();
			store.close();
		}
	};
}
