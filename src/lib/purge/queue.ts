/**
 * A purge queue: one big purge for one distribution, split into batches CloudFront accepts, each
 * with its CallerReference fixed when the queue is made. The queue is saved before anything is
 * sent, and every send of a batch (retry, reload, second tab) reuses its reference, so CloudFront
 * returns the existing invalidation instead of purging twice
 * (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateInvalidation.html).
 * Plain data and pure steps only; the runner sends, waits and saves.
 */
import { splitIntoBatches, type SplitOptions } from './batches';
import { callerReference } from './draft';

/**
 * waiting → sending (saved before the request: the outcome may be unknown) → sent → completed.
 * A waiting batch becomes stopped when the user stops the rest; what was sent stays sent.
 */
export type BatchState = 'waiting' | 'sending' | 'sent' | 'completed' | 'stopped';

export interface QueuedBatch {
	callerReference: string;
	items: string[];
	files: number;
	wildcards: number;
	state: BatchState;
	invalidationId?: string;
	/** Epoch milliseconds. */
	sentAt?: number;
	completedAt?: number;
}

export interface PurgeQueue {
	/** The ID token's `sub`: a queue belongs to one user, like drafts. */
	owner: string;
	distributionId: string;
	createdAt: number;
	/** Set when every batch is completed or stopped and nothing sent is still running. */
	finishedAt?: number;
	batches: QueuedBatch[];
}

/**
 * How a queue splits: at most 2,500 file paths and 10 wildcards per invalidation, so a batch can
 * go while other small purges (deploys, colleagues) are in progress, instead of waiting for the
 * distribution to be idle; the room check keeps its own margin on top.
 * @example splitIntoBatches(files7000, QUEUE_SPLIT) // 2,500 + 2,500 + 2,000
 */
export const QUEUE_SPLIT: SplitOptions = { margin: { files: 500, wildcards: 5 } };

export interface NewQueue {
	owner: string;
	email: string;
	distributionId: string;
	items: readonly string[];
	now: number;
	newUuid: () => string;
	/** Default QUEUE_SPLIT. */
	split?: SplitOptions;
}

/** Splits the items and fixes one CallerReference per batch, before anything is sent. */
export function makeQueue(q: NewQueue): PurgeQueue {
	return {
		owner: q.owner,
		distributionId: q.distributionId,
		createdAt: q.now,
		batches: splitIntoBatches(q.items, q.split ?? QUEUE_SPLIT).map((b) => ({
			callerReference: callerReference(q.email, q.newUuid()),
			items: b.items,
			files: b.files,
			wildcards: b.wildcards,
			state: 'waiting'
		}))
	};
}

/** The next batch to send: an unconfirmed one first (it may already exist), then the first waiting. */
export const nextToSend = (q: PurgeQueue): number => {
	const sending = q.batches.findIndex((b) => b.state === 'sending');
	return sending >= 0 ? sending : q.batches.findIndex((b) => b.state === 'waiting');
};

export const isFinished = (q: PurgeQueue): boolean =>
	q.batches.every((b) => b.state === 'completed' || b.state === 'stopped');

const withBatch = (q: PurgeQueue, i: number, patch: Partial<QueuedBatch>): PurgeQueue => ({
	...q,
	batches: q.batches.map((b, j) => (j === i ? { ...b, ...patch } : b))
});

export const markSending = (q: PurgeQueue, i: number): PurgeQueue =>
	withBatch(q, i, { state: 'sending' });

/** CloudFront refused the batch for lack of room: nothing was made, so it waits for room again. */
export const markRefused = (q: PurgeQueue, i: number): PurgeQueue =>
	withBatch(q, i, { state: 'waiting' });

export const markSent = (q: PurgeQueue, i: number, invalidationId: string, now: number) =>
	withBatch(q, i, {
		state: 'sent',
		invalidationId,
		sentAt: q.batches[i].sentAt ?? now
	});

/** Sent batches whose invalidation is no longer in progress are completed. */
export function markCompleted(
	q: PurgeQueue,
	stillRunning: ReadonlySet<string>,
	now: number
): PurgeQueue {
	const done = (b: QueuedBatch) =>
		b.state === 'sent' && b.invalidationId !== undefined && !stillRunning.has(b.invalidationId);
	if (!q.batches.some(done)) return finish(q, now);
	const batches = q.batches.map((b) =>
		done(b) ? { ...b, state: 'completed' as const, completedAt: now } : b
	);
	return finish({ ...q, batches }, now);
}

/**
 * The user stops the rest: waiting batches are dropped. A batch whose request is out ('sending')
 * counts as sent and is confirmed; nothing sent is recalled (invalidations cannot be cancelled:
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Invalidation_Requests.html).
 */
export function stopRest(q: PurgeQueue, now: number): PurgeQueue {
	if (!q.batches.some((b) => b.state === 'waiting')) return finish(q, now);
	const batches = q.batches.map((b) =>
		b.state === 'waiting' ? { ...b, state: 'stopped' as const } : b
	);
	return finish({ ...q, batches }, now);
}

function finish(q: PurgeQueue, now: number): PurgeQueue {
	return isFinished(q) && q.finishedAt === undefined ? { ...q, finishedAt: now } : q;
}

export interface QueueProgress {
	batches: { total: number; sent: number; completed: number; stopped: number };
	paths: { total: number; sent: number; completed: number; stopped: number };
	/** Milliseconds from making the queue to its end, or to `now` while it runs. */
	elapsedMs: number;
}

/** What the progress bar shows. A batch whose request is out is not counted as sent yet. */
export function progressOf(q: PurgeQueue, now: number): QueueProgress {
	const count = (pick: (b: QueuedBatch) => boolean) => {
		const chosen = q.batches.filter(pick);
		return { batches: chosen.length, paths: chosen.reduce((n, b) => n + b.items.length, 0) };
	};
	const all = count(() => true);
	const sent = count((b) => b.state === 'sent' || b.state === 'completed');
	const completed = count((b) => b.state === 'completed');
	const stopped = count((b) => b.state === 'stopped');
	return {
		batches: {
			total: all.batches,
			sent: sent.batches,
			completed: completed.batches,
			stopped: stopped.batches
		},
		paths: {
			total: all.paths,
			sent: sent.paths,
			completed: completed.paths,
			stopped: stopped.paths
		},
		elapsedMs: Math.max(0, (q.finishedAt ?? now) - q.createdAt)
	};
}

/**
 * Over what one request can carry on an idle distribution (3,000 items, 15 wildcards): a queue.
 * Anything smaller goes as one invalidation, as it always has.
 */
export const needsQueue = (items: readonly string[]): boolean =>
	splitIntoBatches(items, { margin: { files: 0, wildcards: 0 } }).length > 1;
