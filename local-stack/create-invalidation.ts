import {
	batchTooLarge,
	inconsistentQuantities,
	INVALID_PATHS,
	invalidArgument,
	invalidationBatchAlreadyExists,
	missingBody,
	tooManyInvalidationsInProgress
} from './cloudfront-errors';
import type { StackContext } from './context';
import type { DemoDistribution } from './distributions';
import {
	checkItem,
	countBuckets,
	exceededLimit,
	MAX_ITEMS_PER_REQUEST,
	type Buckets
} from './invalidation-rules';
import type { Invalidation } from './invalidation-store';
import { parseInvalidationBatch } from './xml';

// CreateInvalidation after authentication: body → quantities → batch size → item rules →
// CallerReference idempotency → in-progress limits → store.
// https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateInvalidation.html
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/InvalidationLimits.html

const sameBatch = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((p, i) => p === b[i]);

/**
 * Returns the new invalidation, or the existing one for a replayed CallerReference with the same
 * paths (the API answers 201 again; whether AWS sends 201 or 200 there is UNCONFIRMED).
 */
export function createInvalidation(
	ctx: StackContext,
	d: DemoDistribution,
	body: string,
	contentType: string | undefined,
	now = Date.now()
): Invalidation {
	if (!contentType) throw missingBody();
	const batch = parseInvalidationBatch(body);
	if (batch.quantity !== batch.items.length)
		throw inconsistentQuantities(batch.quantity, batch.items.length);
	// An empty batch: refused; AWS's exact error is UNCONFIRMED.
	if (batch.items.length === 0)
		throw invalidArgument('The invalidation batch must contain at least one path.');
	if (batch.items.length > MAX_ITEMS_PER_REQUEST)
		throw batchTooLarge(
			`An invalidation batch can contain at most ${MAX_ITEMS_PER_REQUEST} paths.`
		);
	const cacheTags = d.cacheTagHeader !== undefined;
	if (batch.items.some((item) => checkItem(item, { cacheTags }) !== undefined))
		throw invalidArgument(INVALID_PATHS);

	// Same reference + same batch (same items, same order) → the existing invalidation.
	const existing = ctx.store.byCallerReference(d.id, batch.callerReference);
	if (existing) {
		if (sameBatch(existing.paths, batch.items)) return existing;
		throw invalidationBatchAlreadyExists();
	}

	const inProgress: Buckets = { files: 0, wildcards: 0 };
	for (const inv of ctx.store.inProgress(d.id, now)) {
		const b = countBuckets(inv.paths);
		inProgress.files += b.files;
		inProgress.wildcards += b.wildcards;
	}
	const hit = exceededLimit(inProgress, countBuckets(batch.items));
	if (hit)
		throw tooManyInvalidationsInProgress(
			`Processing your request will cause you to exceed the maximum number of in-progress ${hit === 'wildcards' ? 'wildcard ' : ''}invalidations.`
		);

	const inv: Invalidation = {
		id: ctx.store.newId(),
		distributionId: d.id,
		createTime: now,
		completesAt: now + ctx.settings.completeAfterMs,
		callerReference: batch.callerReference,
		paths: batch.items
	};
	ctx.store.add(inv);
	return inv;
}
