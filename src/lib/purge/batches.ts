/**
 * Splitting a big purge into invalidations CloudFront accepts. Per distribution, at most 3,000
 * file paths and, separately, 15 wildcard paths may be in progress at once; each `#tag` item counts
 * as one path. One request carries at most 3,000 items (the limits page implies it; BatchTooLarge
 * has no documented threshold).
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/InvalidationLimits.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-tags.html
 */
import type { InvalidationStatus } from '$lib/history/invalidation';
import { classify } from '$lib/paths/parse-paste';

/** Counts or room per limit bucket. Tags are counted with files unless said otherwise. */
export interface Slots {
	files: number;
	wildcards: number;
}

export const IN_PROGRESS_LIMITS: Slots = { files: 3000, wildcards: 15 };
export const MAX_ITEMS_PER_REQUEST = 3000;
/** Kept free for purges sent from elsewhere meanwhile (docs.rs plans for 13 of 15 wildcards). */
export const DEFAULT_MARGIN: Slots = { files: 0, wildcards: 2 };

/**
 * Which bucket a tag uses is not documented. `'files'` follows the tags page ("counts as one
 * path"); `'both'` is the cautious reading that also spends a wildcard slot.
 */
export type TagBucket = 'files' | 'both';

export interface Batch extends Slots {
	items: string[];
}

/**
 * @example countSlots(['/a', '/b/*', '#sale']) // { files: 2, wildcards: 1 }
 */
export function countSlots(items: readonly string[], tags: TagBucket = 'files'): Slots {
	const slots = { files: 0, wildcards: 0 };
	for (const item of items) addTo(slots, item, tags);
	return slots;
}

function addTo(slots: Slots, item: string, tags: TagBucket): void {
	const kind = classify(item);
	if (kind === 'wildcard') slots.wildcards++;
	else slots.files++;
	if (kind === 'tag' && tags === 'both') slots.wildcards++;
}

/**
 * Room left on a distribution, from the details of its recent invalidations. Anything not
 * `Completed` is counted, as an undocumented status might still be running.
 * @example roomLeft([{ status: 'InProgress', paths: ['/a', '/b/*'] }]) // { files: 2999, wildcards: 12 }
 */
export function roomLeft(
	invalidations: ReadonlyArray<{ status: InvalidationStatus; paths: readonly string[] }>,
	{ limits = IN_PROGRESS_LIMITS, margin = DEFAULT_MARGIN, tags = 'files' as TagBucket } = {}
): Slots {
	const used = countSlots(
		invalidations.filter((i) => i.status !== 'Completed').flatMap((i) => i.paths),
		tags
	);
	return {
		files: Math.max(0, limits.files - margin.files - used.files),
		wildcards: Math.max(0, limits.wildcards - margin.wildcards - used.wildcards)
	};
}

/** The batch can be sent now without TooManyInvalidationsInProgress. */
export const fits = (batch: Slots, room: Slots): boolean =>
	batch.files <= room.files && batch.wildcards <= room.wildcards;

export interface SplitOptions {
	/** Room on the distribution now: the first batch is sized to it so it can go at once. */
	roomNow?: Slots;
	limits?: Slots;
	margin?: Slots;
	maxItems?: number;
	tags?: TagBucket;
}

/**
 * Splits the checked items into batches, each one a request CloudFront can accept on an idle
 * distribution (limits less the margin, at most 3,000 items). The first batch also fits `roomNow`
 * when that room takes at least one item; otherwise it waits like the others. Items keep their
 * relative order, so a batch rebuilt from the same list is the same batch (same CallerReference).
 * @example splitIntoBatches(files7000).map((b) => b.items.length) // [3000, 3000, 1000]
 * @example splitIntoBatches(files7000, { roomNow: { files: 500, wildcards: 13 } })
 * // → batches of 500, 3000, 3000, 500
 */
export function splitIntoBatches(items: readonly string[], options: SplitOptions = {}): Batch[] {
	const { limits = IN_PROGRESS_LIMITS, margin = DEFAULT_MARGIN, tags = 'files' } = options;
	const maxItems = Math.max(1, options.maxItems ?? MAX_ITEMS_PER_REQUEST);
	const capacity = {
		files: Math.max(1, limits.files - margin.files),
		wildcards: Math.max(1, limits.wildcards - margin.wildcards)
	};
	const batches: Batch[] = [];
	let rest = [...items];
	if (options.roomNow) {
		const room = {
			files: Math.min(capacity.files, options.roomNow.files),
			wildcards: Math.min(capacity.wildcards, options.roomNow.wildcards)
		};
		const first = takeBatch(rest, room, maxItems, tags);
		if (first.batch.items.length > 0) {
			batches.push(first.batch);
			rest = first.rest;
		}
	}
	while (rest.length > 0) {
		const next = takeBatch(rest, capacity, maxItems, tags);
		batches.push(next.batch);
		rest = next.rest;
	}
	return batches;
}

/** First fit in order: every item that still fits its bucket joins; the others wait. */
function takeBatch(items: string[], budget: Slots, maxItems: number, tags: TagBucket) {
	const batch: Batch = { items: [], files: 0, wildcards: 0 };
	const rest: string[] = [];
	for (const item of items) {
		const one = countSlots([item], tags);
		const fitsBudget =
			batch.items.length < maxItems &&
			batch.files + one.files <= budget.files &&
			batch.wildcards + one.wildcards <= budget.wildcards;
		if (!fitsBudget) {
			rest.push(item);
			continue;
		}
		batch.items.push(item);
		batch.files += one.files;
		batch.wildcards += one.wildcards;
	}
	return { batch, rest };
}
