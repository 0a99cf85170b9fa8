/**
 * What is in progress on a distribution, with its items, to count the room left under the
 * in-progress limits. ListInvalidations gives no paths, so each running invalidation not sent by
 * this queue needs one GetInvalidation
 * (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_GetInvalidation.html).
 * Running invalidations are normally among the newest, so one page of recent ones is read. The
 * queue's own invalidations are the exception that matters: after more than a page of others'
 * purges, one of them is off the page, and absence from the page says nothing about its status.
 */
import type { Invalidation, InvalidationPage } from '$lib/history/invalidation';
import type { Flight } from './queue-runner';

export const RECENT_PAGE = 100;

export interface InFlightReads {
	listRecent(distributionId: string, maxItems: number): Promise<InvalidationPage>;
	/** Items of an invalidation not sent by this queue (they never change). */
	paths(distributionId: string, invalidationId: string): Promise<readonly string[]>;
	/** An invalidation's current status: GetInvalidation, or a kept Completed detail. */
	detail(distributionId: string, invalidationId: string): Promise<Invalidation>;
}

/**
 * Every invalidation on the first page that is not Completed (an unknown status counts), and
 * every one in `followed` that is off that page and not Completed when asked by its ID.
 * `followed`: the queue's own sent invalidations not yet seen completed, with their items.
 */
export async function readInFlight(
	distributionId: string,
	reads: InFlightReads,
	followed: ReadonlyMap<string, readonly string[]>
): Promise<Flight[]> {
	const page = await reads.listRecent(distributionId, RECENT_PAGE);
	const onPage = new Set(page.items.map((i) => i.id));
	const running = page.items.filter((i) => i.status !== 'Completed');
	const offPage = [...followed.keys()].filter((id) => !onPage.has(id));
	const [listed, checked] = await Promise.all([
		Promise.all(
			running.map(async (i) => ({
				id: i.id,
				status: i.status,
				paths: followed.get(i.id) ?? (await reads.paths(distributionId, i.id))
			}))
		),
		Promise.all(offPage.map((id) => reads.detail(distributionId, id)))
	]);
	const stillRunning = checked
		.filter((d) => d.status !== 'Completed')
		.map((d) => ({ id: d.id, status: d.status, paths: followed.get(d.id) ?? d.paths }));
	return [...listed, ...stillRunning];
}
