/**
 * CloudFront's invalidation limits, counted before sending.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/InvalidationLimits.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-invalidations
 * Until big purges are split into several requests, going over is an error saying by how much.
 */
import type { BatchSummary, Diagnostic } from './types';

/** In progress at once per distribution: 3,000 file paths, and separately 15 wildcard paths. */
export const MAX_FILES_IN_PROGRESS = 3000;
export const MAX_WILDCARDS_IN_PROGRESS = 15;
/**
 * Items per request: `BatchTooLarge` has no documented threshold; the limits page implies one
 * request may carry 3,000 files, so 3,000 items it is.
 */
export const MAX_ITEMS_PER_REQUEST = 3000;

import { formatCount as n } from './format-count';

const over = (message: string): Diagnostic => ({
	line: 0,
	severity: 'error',
	input: '',
	message,
	fixes: []
});

/**
 * The limits this batch breaks on its own. Tags count as one path each (tags page); the bucket
 * they use is not documented, so they count with the files, as the local stack does.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-tags.html
 */
export function limitDiagnostics(s: Pick<BatchSummary, 'items' | 'files' | 'wildcards' | 'tags'>) {
	const out: Diagnostic[] = [];
	if (s.items > MAX_ITEMS_PER_REQUEST)
		out.push(
			over(
				`${n(s.items)} items: one request carries at most ${n(MAX_ITEMS_PER_REQUEST)}, so ${n(s.items - MAX_ITEMS_PER_REQUEST)} too many. Remove them, send them in a later purge, or cover them with wildcards.`
			)
		);
	const files = s.files + s.tags;
	if (files > MAX_FILES_IN_PROGRESS)
		out.push(
			over(
				`${n(files)} file paths${s.tags > 0 ? ' and tags' : ''}: CloudFront allows ${n(MAX_FILES_IN_PROGRESS)} in progress at once, so ${n(files - MAX_FILES_IN_PROGRESS)} too many. Use wildcards for whole directories, or send the rest once this purge completes.`
			)
		);
	if (s.wildcards > MAX_WILDCARDS_IN_PROGRESS)
		out.push(
			over(
				`${n(s.wildcards)} wildcard paths: CloudFront allows ${MAX_WILDCARDS_IN_PROGRESS} in progress at once, so ${n(s.wildcards - MAX_WILDCARDS_IN_PROGRESS)} too many. Use fewer, broader wildcards.`
			)
		);
	return out;
}
