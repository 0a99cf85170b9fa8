/**
 * A distribution ID as typed in an address. IDs are upper-case letters and digits
 * (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_GetDistribution.html), so a
 * hand-typed lower-case one is corrected rather than refused.
 */
import { distributionIdPattern, type Config } from '$lib/config';

export interface AddressId {
	/** The ID to use: upper-cased when that makes it well formed, else as typed. */
	id: string;
	isWellFormed: boolean;
	/** The address had it in lower case: the page redirects to the corrected one. */
	needsCorrection: boolean;
}

export function readDistributionId(typed: string): AddressId {
	const upper = typed.toUpperCase();
	const isWellFormed = distributionIdPattern.test(upper);
	return {
		id: isWellFormed ? upper : typed,
		isWellFormed,
		needsCorrection: isWellFormed && upper !== typed
	};
}

/** The label config.json gives the distribution, if any. */
export const configuredLabel = (config: Config | undefined, id: string) =>
	config?.distributions.find((d) => d.id === id)?.label;
