/**
 * Wires this month's count to the AWS layer for the signed-in session: the distributions come
 * from ListDistributions where the role may call it, else from config.json; details go through
 * the session's one detail cache. One count per session and month, whichever page asks.
 */
import type { Session } from '$lib/auth/session.svelte';
import { cloudFront } from '$lib/aws/load';
import { MonthToDate } from './month-to-date.svelte';
import { monthStartUtc } from './month-usage';
import { detailCacheFor } from '$lib/history/session-detail-cache';

let current: { session: Session; since: number; month: MonthToDate } | null = null;

export function accountMonthToDate(session: Session, now: () => Date): MonthToDate {
	const since = monthStartUtc(now()).getTime();
	if (current?.session === session && current.since === since) return current.month;
	const api = cloudFront(session);
	const details = detailCacheFor(session);
	const configured = session.config.distributions.map((d) => d.id);
	const month = new MonthToDate(
		{
			async distributions() {
				try {
					const listed = await (await api).listDistributions();
					return { ids: listed.map((d) => d.id), listed: true };
				} catch {
					// ListDistributions is optional in the roles (it reveals the whole account):
					// count the distributions the deployer named instead.
					return { ids: configured, listed: false };
				}
			},
			listInvalidations: async (distributionId, maxItems, marker) =>
				(await api).listInvalidations(distributionId, maxItems, marker),
			getDetail: async (distributionId, id, signal) =>
				(await details).get(distributionId, id, signal)
		},
		now
	);
	current = { session, since, month };
	return month;
}
