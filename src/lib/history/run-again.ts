/**
 * "Run again": a new invalidation with the same items. It is a new purge, billed again in full;
 * and a copy of one still in progress does not stop the original, so the paths in both are
 * invalidated and billed twice.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Invalidation_Requests.html
 */
import { estimateCost, type CostEstimate } from '$lib/cost/estimate';
import type { AccountPricing } from '$lib/cost/pricing';
import type { KeyValueStore } from '$lib/storage';

export interface RunAgainCost {
	/** If the month's free paths are not used up yet (nothing else sent this month). */
	best: CostEstimate;
	/** If they are used up already: every item billed. */
	worst: CostEstimate;
}

/**
 * The cost of sending `items` again, as the range the page can be sure of: this page does not
 * count the paths sent this month, so it says what it costs with and without free paths left.
 * @example runAgainCost(account, 'E1', ['/a', '/b']) // best $0.00, worst $0.01 at $0.005 a path
 */
export function runAgainCost(
	account: AccountPricing,
	distributionId: string,
	items: readonly string[]
): RunAgainCost {
	const purge = [{ distributionId, items }];
	const usedUp = [{ distributionId, paths: account.freePathsPerMonth }];
	return {
		best: estimateCost({ byDistribution: [], isLowerBound: true }, account, purge),
		worst: estimateCost({ byDistribution: usedUp, isLowerBound: false }, account, purge)
	};
}

/**
 * Where one run-again keeps its submission: apart from the user's purge draft (which it must not
 * touch), one entry per original invalidation, so a retry after a lost answer or a reload reuses
 * its CallerReference instead of purging twice.
 */
export function runAgainStore(store: KeyValueStore, invalidationId: string): KeyValueStore {
	const key = (k: string) => `purge-console:run-again:${invalidationId}:${k}`;
	return {
		getItem: (k) => store.getItem(key(k)),
		setItem: (k, v) => store.setItem(key(k), v),
		removeItem: (k) => store.removeItem(key(k))
	};
}
