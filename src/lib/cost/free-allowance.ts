/**
 * The free allowance is per AWS account and per calendar month, shared by every distribution:
 * the first paths sent use it up, the rest are billed.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PayingForInvalidation.html
 */
import type { Micros } from './money';
import type { PathPricing } from './pricing';

export interface PathCount {
	distributionId: string;
	paths: number;
	pricing: PathPricing;
}

export interface BilledCount extends PathCount {
	/** Paths covered by the free allowance. */
	freePaths: number;
	billablePaths: number;
	costMicros: Micros;
}

/**
 * Spends `freeLeft` on the counts in order. Flat-rate distributions are not billed per path and
 * are kept out of the allowance: AWS's pages don't say otherwise, so the config decides.
 * @example allocateFree(1, [{ distributionId: 'E1', paths: 3, pricing: perPath5000 }])
 * // → { lines: [{ …, freePaths: 1, billablePaths: 2, costMicros: 10000 }], freeLeft: 0 }
 */
export function allocateFree(
	freeLeft: number,
	counts: readonly PathCount[]
): { lines: BilledCount[]; freeLeft: number } {
	let left = Math.max(0, freeLeft);
	const lines = counts.map((count): BilledCount => {
		if (count.pricing.plan === 'flat-rate')
			return { ...count, freePaths: 0, billablePaths: 0, costMicros: 0 };
		const freePaths = Math.min(left, count.paths);
		left -= freePaths;
		const billablePaths = count.paths - freePaths;
		return {
			...count,
			freePaths,
			billablePaths,
			costMicros: billablePaths * count.pricing.pricePerPathMicros
		};
	});
	return { lines, freeLeft: left };
}

export const sumOf = <T>(xs: readonly T[], f: (x: T) => number): number =>
	xs.reduce((total, x) => total + f(x), 0);
