/**
 * Which calls keep the in-progress rows of the history live after the newest ListInvalidations
 * page has been read again: that page covers the rows on it, and every other row still
 * InProgress (further down, past the first page) is checked by either
 * - one ListInvalidations read starting just before it (Marker = the ID of the row above it,
 *   https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ListInvalidations.html), which
 *   answers for it and the `pageSize - 1` rows below it, or
 * - one GetInvalidation of it, through the detail cache
 *   (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_GetInvalidation.html).
 *
 * Fewest calls: a list read costs one call however many in-progress rows its window holds, a
 * GetInvalidation one call per row. In-progress invalidations come in bursts (a deploy sends many
 * within the same minutes, and each completes in well under a minute), so they sit next to each
 * other in the history: a window holding two or more is read as one page. A window holding only
 * one costs one call either way; GetInvalidation is taken then, because its answer is the
 * detail itself and the cache keeps it once Completed, so the row's paths are never fetched again.
 */
import { isInProgress, type InvalidationSummary } from './invalidation';

export interface LivePlan {
	/** ListInvalidations markers: each reads the window starting just after that row. */
	markers: string[];
	/** Invalidations to read with GetInvalidation. */
	details: string[];
}

/**
 * @param rows the history as shown, newest first
 * @param covered IDs the newest page (just read) already answered for
 * @param pageSize invalidations per ListInvalidations call
 * @example planLiveChecks(rows, new Set(newest.map((r) => r.id)), 100)
 * // → { markers: ['I…row above a burst'], details: ['I…a lone one'] }
 */
export function planLiveChecks(
	rows: readonly InvalidationSummary[],
	covered: ReadonlySet<string>,
	pageSize: number
): LivePlan {
	const plan: LivePlan = { markers: [], details: [] };
	const size = Math.max(1, pageSize);
	const waiting = (i: number) => isInProgress(rows[i].status) && !covered.has(rows[i].id);
	for (let i = 0; i < rows.length; i++) {
		if (!waiting(i)) continue;
		const end = Math.min(rows.length, i + size);
		let inWindow = 0;
		for (let j = i; j < end; j++) if (waiting(j)) inWindow++;
		// The first row has no row above it to start after: only GetInvalidation reaches it alone
		// (it is on the newest page in practice, unless that read failed).
		if (inWindow >= 2 && i > 0) {
			plan.markers.push(rows[i - 1].id);
			i = end - 1;
		} else plan.details.push(rows[i].id);
	}
	return plan;
}
