import type { CloudFrontApi } from '$lib/aws/cloudfront';
import type { DistributionEntry } from '$lib/config';

type WithHosts = { id: string; hosts: string[] };

/**
 * The distribution serving `host`: from ListDistributions when the role may call it, else by
 * reading each configured distribution (the roles' usual grant).
 */
export async function findServing(
	api: CloudFrontApi,
	configured: DistributionEntry[],
	host: string,
	pick: (host: string, ds: WithHosts[]) => WithHosts | undefined
): Promise<WithHosts | undefined> {
	const withHosts = (d: { id: string; aliases: string[]; domainName: string }) => ({
		id: d.id,
		hosts: [...d.aliases, d.domainName]
	});
	try {
		const found = pick(host, (await api.listDistributions()).map(withHosts));
		if (found) return found;
	} catch {
		// not allowed to list: fall back to the configured ones
	}
	const read = await Promise.allSettled(configured.map((c) => api.getDistribution(c.id)));
	const visible = read.flatMap((r) => (r.status === 'fulfilled' ? [withHosts(r.value)] : []));
	return pick(host, visible);
}
