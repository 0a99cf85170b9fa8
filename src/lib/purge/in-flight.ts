/**
 * What is in progress on a distribution, with its items, to count the room left under the
 * in-progress limits. ListInvalidations gives no paths, so each running invalidation not sent by
 * this queue needs one GetInvalidation
 * (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_GetInvalidation.html).
 * Running invalidations are normally among the newest, so one page of recent ones is read.
 */
import type { InvalidationPage } from '$lib/history/invalidation';
import type { Flight } from './queue-runner';

export const RECENT_PAGE = 100;

export interface InFlightReads {
	listRecent(distributionId: string, maxItems: number): Promise<InvalidationPage>;
	paths(distributionId: string, invalidationId: string): Promise<readonly string[]>;
}

/** Every invalidation on the first page that is not Completed (an unknown status counts). */
export async function readInFlight(
	distributionId: string,
	reads: InFlightReads,
	known: ReadonlyMap<string, readonly string[]>
): Promise<Flight[]> {
	const page = await reads.listRecent(distributionId, RECENT_PAGE);
	const running = page.items.filter((i) => i.status !== 'Completed');
	return Promise.all(
		running.map(async (i) => ({
			id: i.id,
			status: i.status,
			paths: known.get(i.id) ?? (await reads.paths(distributionId, i.id))
		}))
	);
}
