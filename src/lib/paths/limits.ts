/**
 * CloudFront's invalidation limits, counted before sending.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/InvalidationLimits.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-invalidations
 * Going over is not an error: the purge page sends such a list as a queue of invalidations, each
 * within the limits, as CloudFront has room (src/lib/purge/queue.ts). The message says by how much.
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

/**
 * The limits this batch breaks on its own (their words: messages.ts). Tags count as one path each
 * (tags page); the bucket they use is not documented, so they count with the files, as the local
 * stack does.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-tags.html
 */
export function limitDiagnostics(
	s: Pick<BatchSummary, 'items' | 'files' | 'wildcards' | 'tags'>
): Diagnostic[] {
	const out: Diagnostic[] = [];
	const whole = { line: 0, piece: 0, input: '' };
	if (s.items > MAX_ITEMS_PER_REQUEST) out.push({ ...whole, code: 'items-over', count: s.items });
	const files = s.files + s.tags;
	if (files > MAX_FILES_IN_PROGRESS)
		out.push({ ...whole, code: 'files-over', count: files, tags: s.tags > 0 });
	if (s.wildcards > MAX_WILDCARDS_IN_PROGRESS)
		out.push({ ...whole, code: 'wildcards-over', count: s.wildcards });
	return out;
}
