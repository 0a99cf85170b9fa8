/**
 * "Run again": a new invalidation with exactly the items of the original, in the order CloudFront
 * listed them (nothing folded or re-encoded: they were accepted once as they are). It is a new
 * purge, billed again in full; and a copy of one still in progress does not stop the original, so
 * the paths in both are invalidated and billed twice.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Invalidation_Requests.html
 */
import { estimateCost, type CostEstimate, type UsageSoFar } from '$lib/cost/estimate';
import type { AccountPricing } from '$lib/cost/pricing';
import type { KeyValueStore } from '$lib/storage';

export type RunAgainCost =
	/** This month's paths are counted: the charge itself ("at least" when `isLowerBound`). */
	| { counted: true; estimate: CostEstimate }
	/** Still counting: the most it can cost, as if no free path were left. */
	| { counted: false; worst: CostEstimate };

/**
 * The cost of sending `items` again, from the month-to-date count the purge page's estimate uses
 * (`usage`, null while it is being counted): the free paths left this month are used first, the
 * rest billed at the distribution's price.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PayingForInvalidation.html
 * @example runAgainCost(account, { byDistribution: [{ distributionId: 'E1', paths: 999 }], isLowerBound: false }, 'E1', ['/img/*', '/img/a.png'])
 * // → { counted: true, estimate: { freePathsLeft: 1, billablePaths: 1, costMicros: 5_000, … } }
 */
export function runAgainCost(
	account: AccountPricing,
	usage: UsageSoFar | null,
	distributionId: string,
	items: readonly string[]
): RunAgainCost {
	const purge = [{ distributionId, items }];
	if (usage) return { counted: true, estimate: estimateCost(usage, account, purge) };
	const noneFree: UsageSoFar = {
		byDistribution: [{ distributionId: '', paths: account.freePathsPerMonth }],
		isLowerBound: false
	};
	return { counted: false, worst: estimateCost(noneFree, account, purge) };
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
