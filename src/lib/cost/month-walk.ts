/**
 * Pages through one distribution's history only as far as the month's start. CloudFront lists
 * newest first (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_InvalidationList.html),
 * so the walk stops at the first page reaching an older invalidation. A server that lists in
 * another order, repeats a marker, repeats items or ignores MaxItems is walked to its end instead
 * of being trusted, so nothing of the month is missed and nothing is counted twice.
 */
import type { InvalidationPage } from '$lib/history/invalidation';

/**
 * The IDs of the invalidations created at or after `monthStart`, in the order listed.
 * @throws the signal's reason when aborted between pages.
 */
export async function walkMonth(
	listPage: (marker?: string) => Promise<InvalidationPage>,
	monthStart: Date,
	signal?: AbortSignal
): Promise<string[]> {
	const ids: string[] = [];
	const seen = new Set<string>();
	const markers = new Set<string>();
	// Stop early only on evidence of newest-first order: no rise, and at least one fall.
	let newestFirst = true;
	let sawFall = false;
	let previous = Number.POSITIVE_INFINITY;
	let reachedOlder = false;
	let marker: string | undefined;
	for (;;) {
		signal?.throwIfAborted();
		const page = await listPage(marker);
		for (const item of page.items) {
			const time = item.createTime.getTime();
			if (time > previous) newestFirst = false;
			if (time < previous && previous !== Number.POSITIVE_INFINITY) sawFall = true;
			previous = time;
			if (seen.has(item.id)) continue;
			seen.add(item.id);
			if (time >= monthStart.getTime()) ids.push(item.id);
			else reachedOlder = true;
		}
		if (!page.next || markers.has(page.next) || (reachedOlder && newestFirst && sawFall))
			return ids;
		markers.add(page.next);
		marker = page.next;
	}
}
