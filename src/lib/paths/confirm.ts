/**
 * Which purges need a second look before they go. `/*` empties the whole cache (every object goes
 * back to the origin), so it needs the distribution typed; a very large purge needs a click that
 * names the distribution. Invalidations can't be cancelled once sent:
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Invalidation_Requests.html
 */

/** Above this many items a purge is confirmed. */
export const CONFIRM_ABOVE = 1000;

export type Confirmation = { kind: 'everything' } | { kind: 'many'; count: number } | null;

export function confirmationFor(items: readonly string[]): Confirmation {
	if (items.includes('/*')) return { kind: 'everything' };
	if (items.length > CONFIRM_ABOVE) return { kind: 'many', count: items.length };
	return null;
}

/**
 * Whether what the user typed names the distribution: its ID (any case) or one of its aliases or
 * its domain name (host names are case-insensitive), blanks around ignored.
 * @example isDistributionNamed(' e1abc ', { id: 'E1ABC', hosts: [] }) // true
 */
export function isDistributionNamed(typed: string, d: { id: string; hosts: readonly string[] }) {
	const t = typed.trim().toLowerCase();
	return t !== '' && (t === d.id.toLowerCase() || d.hosts.some((h) => h.toLowerCase() === t));
}
