/**
 * Which pricing applies to a distribution's invalidation paths, resolved once from config.json so
 * the estimate can always say which one it used. Prices come from the deployer's config, never
 * from code: https://aws.amazon.com/cloudfront/pricing/ and
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PayingForInvalidation.html
 */
import type { PricingConfig } from '$lib/config';
import { formatUsd, usdToMicros, type Micros } from './money';
import { formatCount } from '$lib/paths/format-count';

export type PathPricing =
	| { plan: 'per-path'; pricePerPathMicros: Micros; source: 'account' | 'distribution' }
	/** Declared flat-rate in config.json: not billed per path, and outside the free allowance. */
	| { plan: 'flat-rate'; source: 'distribution' };

export interface AccountPricing {
	/** Free paths a month, shared by every distribution of the account. */
	freePathsPerMonth: number;
	/** The account's price, used for distributions without an override. */
	perPath: PathPricing & { plan: 'per-path' };
	confirmAboveMicros: Micros;
	perDistribution: ReadonlyMap<string, PathPricing>;
}

/**
 * @example accountPricing({ freePathsPerMonth: 1000, pricePerPathUsd: 0.005, confirmAboveUsd: 1,
 *   perDistribution: { E2SHOP: { plan: 'flat-rate' } } })
 */
export function accountPricing(config: PricingConfig): AccountPricing {
	const overrides = Object.entries(config.perDistribution).map(
		([id, entry]): [string, PathPricing] =>
			entry.plan === 'flat-rate'
				? [id, { plan: 'flat-rate', source: 'distribution' }]
				: [
						id,
						{
							plan: 'per-path',
							pricePerPathMicros: usdToMicros(entry.pricePerPathUsd),
							source: 'distribution'
						}
					]
	);
	return {
		freePathsPerMonth: config.freePathsPerMonth,
		perPath: {
			plan: 'per-path',
			pricePerPathMicros: usdToMicros(config.pricePerPathUsd),
			source: 'account'
		},
		confirmAboveMicros: usdToMicros(config.confirmAboveUsd),
		perDistribution: new Map(overrides)
	};
}

/** The override for `distributionId`, or the account's per-path price. */
export const pricingFor = (account: AccountPricing, distributionId: string): PathPricing =>
	account.perDistribution.get(distributionId) ?? account.perPath;

/**
 * One line for the panel saying which pricing was used.
 * @example describePricing(account.perPath, 1000) // '$0.005 a path after 1,000 free a month (account price)'
 */
export function describePricing(pricing: PathPricing, freePathsPerMonth: number): string {
	if (pricing.plan === 'flat-rate')
		return 'Flat-rate plan: not billed per path (set in config.json)';
	const where = pricing.source === 'account' ? 'account price' : 'price set for this distribution';
	const free = formatCount(freePathsPerMonth);
	return `${formatUsd(pricing.pricePerPathMicros)} a path after ${free} free a month (${where})`;
}
