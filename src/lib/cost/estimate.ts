/**
 * The cost of a purge before it is sent. Every item sent is billed as one path: a wildcard covers
 * any number of files and a `#tag` item any number of objects, yet each counts once, and the first
 * paths of the month (per account) are free.
 * https://aws.amazon.com/cloudfront/pricing/
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PayingForInvalidation.html
 */
import { allocateFree, sumOf, type BilledCount } from './free-allowance';
import { formatUsd, type Micros } from './money';
import { pricingFor, type AccountPricing } from './pricing';

/** The items about to be sent to one distribution, after folding: each one is billed. */
export interface PurgeItems {
	distributionId: string;
	items: readonly string[];
}

/** Paths sent this month so far, per distribution, in the order they should use the allowance. */
export interface UsageSoFar {
	byDistribution: ReadonlyArray<{ distributionId: string; paths: number }>;
	/** Some distributions could not be counted, so every "so far" figure is "at least". */
	isLowerBound: boolean;
}

export interface CostEstimate {
	/** Paths billed per path this month before this purge (at least, when `isLowerBound`). */
	usedPaths: number;
	/** Free paths left before this purge (at most, when `isLowerBound`). */
	freePathsLeft: number;
	/** Items in this purge, every distribution and plan included. */
	paths: number;
	billablePaths: number;
	costMicros: Micros;
	/** Month-to-date cost once this purge is sent. */
	monthToDateMicros: Micros;
	/** One line per distribution of this purge, with the pricing it used. */
	lines: BilledCount[];
	isLowerBound: boolean;
	/** The cost is above `pricing.confirmAboveUsd`: ask before sending. */
	needsConfirmation: boolean;
}

/**
 * @example
 * estimateCost(
 *   { byDistribution: [{ distributionId: 'E1', paths: 990 }], isLowerBound: false },
 *   account, // 1,000 free, $0.005 a path
 *   [{ distributionId: 'E1', items: ['/a', '/b', …20 items] }]
 * ) // → { freePathsLeft: 10, billablePaths: 10, costMicros: 50_000, … }
 */
export function estimateCost(
	usage: UsageSoFar,
	account: AccountPricing,
	purges: readonly PurgeItems[]
): CostEstimate {
	const before = allocateFree(
		account.freePathsPerMonth,
		usage.byDistribution.map((u) => ({ ...u, pricing: pricingFor(account, u.distributionId) }))
	);
	const now = allocateFree(
		before.freeLeft,
		purges.map((p) => ({
			distributionId: p.distributionId,
			paths: p.items.length,
			pricing: pricingFor(account, p.distributionId)
		}))
	);
	const costMicros = sumOf(now.lines, (l) => l.costMicros);
	return {
		usedPaths: sumOf(before.lines, (l) => l.freePaths + l.billablePaths),
		freePathsLeft: before.freeLeft,
		paths: sumOf(now.lines, (l) => l.paths),
		billablePaths: sumOf(now.lines, (l) => l.billablePaths),
		costMicros,
		monthToDateMicros: sumOf(before.lines, (l) => l.costMicros) + costMicros,
		lines: now.lines,
		isLowerBound: usage.isLowerBound,
		needsConfirmation: costMicros > account.confirmAboveMicros
	};
}

/**
 * The question to ask before an expensive purge, or null when none is needed.
 * @example confirmationFor(estimate) // 'This purge will cost at least $1.20. Send it?'
 */
export function confirmationFor(estimate: CostEstimate): string | null {
	if (!estimate.needsConfirmation) return null;
	const atLeast = estimate.isLowerBound ? 'at least ' : '';
	return `This purge will cost ${atLeast}${formatUsd(estimate.costMicros)}. Send it?`;
}

/** This month as if no free path were left: the most a purge can cost before the count is in. */
export function noneFree(account: AccountPricing): UsageSoFar {
	return {
		byDistribution: [{ distributionId: '', paths: account.freePathsPerMonth }],
		isLowerBound: false
	};
}

/**
 * The question to ask before sending `purges` (one or several distributions), or null: from this
 * month's usage once counted, else from the worst case (no free path left), so an expensive purge
 * is never sent unasked while the month is still being counted.
 * @example costQuestion(null, account, [{ distributionId: 'E1', items: files(300) }])
 * // 'This purge may cost up to $1.50: this month's paths are still being counted. Send it?'
 */
export function costQuestion(
	usage: UsageSoFar | null,
	account: AccountPricing,
	purges: readonly PurgeItems[]
): string | null {
	if (usage) return confirmationFor(estimateCost(usage, account, purges));
	const worst = estimateCost(noneFree(account), account, purges);
	return worst.needsConfirmation
		? `This purge may cost up to ${formatUsd(worst.costMicros)}: this month's paths are still being counted. Send it?`
		: null;
}
