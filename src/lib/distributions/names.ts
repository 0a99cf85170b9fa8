/** How the console names a distribution and which hosts serve it: one rule for every page. */
import type { DistributionSummary } from './types';

/**
 * The label from config.json when it names the distribution, else its comment, first alias,
 * domain name, or ID, in that order.
 */
export function distributionLabel(
	d: Pick<DistributionSummary, 'id' | 'comment' | 'aliases' | 'domainName'>,
	configuredLabel?: string
): string {
	return configuredLabel || d.comment || d.aliases[0] || d.domainName || d.id;
}

/** The hosts a full URL may name for this distribution: its aliases, then its own domain. */
export function distributionHosts(
	d: Pick<DistributionSummary, 'aliases' | 'domainName'>
): string[] {
	return [...d.aliases, d.domainName].filter(Boolean);
}
