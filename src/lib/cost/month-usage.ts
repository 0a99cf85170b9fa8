/**
 * Paths sent this month, counted from CloudFront's own history: the free allowance is per AWS
 * account and per calendar month (UTC), and AWS offers no API for the running total.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PayingForInvalidation.html
 * ListInvalidations gives IDs and times, newest first; the path counts need one GetInvalidation
 * each (pass the detail cache's `get`, so Completed ones are never fetched twice).
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ListInvalidations.html
 */
import type { InvalidationPage } from '$lib/history/invalidation';
import { createLimiter, type Limited } from '$lib/history/limit-concurrency';
import { walkMonth } from './month-walk';

export interface MonthUsageSources {
	/** As CloudFrontApi.listInvalidations: one page, `next` when there is another. */
	listInvalidations(
		distributionId: string,
		maxItems: number,
		marker?: string
	): Promise<InvalidationPage>;
	/** As DetailCache.get. */
	getDetail(
		distributionId: string,
		invalidationId: string,
		signal?: AbortSignal
	): Promise<{ paths: readonly string[] }>;
}

export interface MonthUsageProgress {
	distributionsDone: number;
	distributionsTotal: number;
	/** Invalidations of this month found so far, and how many of their details are counted. */
	invalidationsFound: number;
	detailsCounted: number;
	paths: number;
}

export interface MonthUsage {
	monthStart: Date;
	/** In the order given; fits `UsageSoFar` for estimateCost. */
	byDistribution: { distributionId: string; paths: number; invalidations: number }[];
	/** Distributions counted partly or not at all (AccessDenied, …), with the error. */
	unseen: { distributionId: string; error: unknown }[];
	/** True when anything was unseen: the month's usage is "at least" this. */
	isLowerBound: boolean;
}

export interface MonthUsageOptions {
	now: Date;
	signal?: AbortSignal;
	onProgress?: (progress: MonthUsageProgress) => void;
	/** Requests at once, list and detail together. Default 4. */
	concurrency?: number;
	pageSize?: number;
}

/** Midnight UTC on the first day of `now`'s month. */
export const monthStartUtc = (now: Date): Date =>
	new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

/**
 * @example
 * const usage = await countMonthUsage(['E1', 'E2'], { listInvalidations: api.listInvalidations,
 *   getDetail: details.get }, { now: new Date(), signal, onProgress: (p) => (progress = p) });
 * estimateCost(usage, account, purges); // usage.unseen lists what "at least" leaves out
 * @throws the signal's reason when aborted; any other error marks that distribution unseen.
 */
export async function countMonthUsage(
	distributionIds: readonly string[],
	sources: MonthUsageSources,
	options: MonthUsageOptions
): Promise<MonthUsage> {
	const { signal, onProgress } = options;
	const monthStart = monthStartUtc(options.now);
	const limit: Limited = createLimiter(options.concurrency ?? 4);
	const progress: MonthUsageProgress = {
		distributionsDone: 0,
		distributionsTotal: distributionIds.length,
		invalidationsFound: 0,
		detailsCounted: 0,
		paths: 0
	};
	const report = () => onProgress?.({ ...progress });
	const unseen: MonthUsage['unseen'] = [];

	const countOne = async (distributionId: string) => {
		const line = { distributionId, paths: 0, invalidations: 0 };
		const failed = (error: unknown) => {
			if (signal?.aborted) throw signal.reason;
			if (!unseen.some((u) => u.distributionId === distributionId))
				unseen.push({ distributionId, error });
		};
		try {
			const ids = await walkMonth(
				(marker) =>
					limit(
						() => sources.listInvalidations(distributionId, options.pageSize ?? 100, marker),
						signal
					),
				monthStart,
				signal
			);
			progress.invalidationsFound += ids.length;
			report();
			await Promise.all(
				ids.map((id) =>
					limit(() => sources.getDetail(distributionId, id, signal), signal).then((detail) => {
						line.paths += detail.paths.length;
						line.invalidations++;
						progress.detailsCounted++;
						progress.paths += detail.paths.length;
						report();
					}, failed)
				)
			);
		} catch (error) {
			failed(error);
		}
		progress.distributionsDone++;
		report();
		return line;
	};

	const byDistribution = await Promise.all(distributionIds.map(countOne));
	unseen.sort(
		(a, b) => distributionIds.indexOf(a.distributionId) - distributionIds.indexOf(b.distributionId)
	);
	return { monthStart, byDistribution, unseen, isLowerBound: unseen.length > 0 };
}
