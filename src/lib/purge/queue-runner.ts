/**
 * Runs a purge queue: sends each batch when the distribution has room for it, follows what was
 * sent until it completes, and saves every step. Clock, sending, reading the distribution and
 * storage are injected, so the rules are tested on fake timers.
 *
 * CloudFront allows 3,000 file paths and 15 wildcard paths in progress per distribution; over it,
 * CreateInvalidation fails with TooManyInvalidationsInProgress, which the SDK does not retry:
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/InvalidationLimits.html
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateInvalidation.html
 */
import { toAppError, type AppError } from '$lib/errors';
import type { InvalidationStatus } from '$lib/history/invalidation';
import { pollDelayMs } from '$lib/live/poll-delay';
import { fits, roomLeft } from './batches';
import {
	isFinished,
	markCompleted,
	markRefused,
	markSending,
	markSent,
	nextToSend,
	stopRest,
	type PurgeQueue
} from './queue';

/** An invalidation of the distribution that is not completed, with its items. */
export interface Flight {
	id: string;
	status: InvalidationStatus;
	paths: readonly string[];
}

export interface RunnerDeps {
	now(): number;
	/** Resolves after `ms`, or at once when `signal` aborts. */
	wait(ms: number, signal: AbortSignal): Promise<void>;
	send(callerReference: string, items: string[]): Promise<{ id: string }>;
	/**
	 * The distribution's invalidations not yet completed. `followed` maps the queue's own sent
	 * invalidations, not yet seen completed, to their items: they need no GetInvalidation for their
	 * items, and each must be reported while it runs, wherever it is in the distribution's list.
	 */
	inFlight(followed: ReadonlyMap<string, readonly string[]>): Promise<readonly Flight[]>;
	/** Throws when the queue could not be stored: then nothing more is sent. */
	save(queue: PurgeQueue): Promise<void>;
	onUpdate?(queue: PurgeQueue, activity: Activity): void;
}

export type Activity =
	| { kind: 'sending'; batch: number }
	| { kind: 'waiting-for-room'; batch: number }
	| { kind: 'retrying'; batch: number; error: AppError; inMs: number }
	| { kind: 'following' }
	| { kind: 'finished' }
	| { kind: 'failed'; error: AppError }
	| { kind: 'paused' };

/** Failures that pass with time; anything else needs the user (sign in, access, a bug). */
const RETRYABLE = new Set<AppError['kind']>([
	'busy',
	'throttled',
	'service-unavailable',
	'network'
]);

/** Backoff after a refusal or a transient failure: 2 s, 4 s, 8 s, 16 s, then every 30 s. */
export const retryDelayMs = (attempt: number) => Math.min(30_000, 2000 * 2 ** attempt);

export class QueueRunner {
	#queue: PurgeQueue;
	#deps: RunnerDeps;
	#stopRequested = false;
	#running = false;
	#wake = new AbortController();

	constructor(queue: PurgeQueue, deps: RunnerDeps) {
		this.#queue = queue;
		this.#deps = deps;
	}

	get queue() {
		return this.#queue;
	}

	/**
	 * Stop the rest: batches not sent are dropped, what was sent is followed to the end. While a
	 * request is out, that batch still counts as sent once CloudFront answers.
	 */
	stop = async () => {
		this.#stopRequested = true;
		this.#wake.abort();
		if (!this.#running) {
			this.#queue = stopRest(this.#queue, this.#deps.now());
			await this.#deps.save(this.#queue);
			this.#report(isFinished(this.#queue) ? { kind: 'finished' } : { kind: 'paused' });
		}
	};

	/** Runs until the queue is finished, a failure needs the user, or `signal` aborts. */
	async run(signal: AbortSignal): Promise<Activity> {
		if (this.#running) throw new Error('This queue is already running.');
		this.#running = true;
		try {
			return await this.#loop(signal);
		} catch (e) {
			// Storage refused a step: stop here rather than send what could not be recorded.
			return this.#report({ kind: 'failed', error: toAppError(e) });
		} finally {
			this.#running = false;
		}
	}

	async #loop(signal: AbortSignal): Promise<Activity> {
		const d = this.#deps;
		let polls = 0;
		let retries = 0;
		const pause = (ms: number) => d.wait(ms, AbortSignal.any([signal, this.#wake.signal]));
		const fail = (e: unknown): Activity | null => {
			const error = toAppError(e);
			return RETRYABLE.has(error.kind) ? null : this.#report({ kind: 'failed', error });
		};

		while (!signal.aborted) {
			if (this.#wake.signal.aborted) this.#wake = new AbortController();
			if (this.#stopRequested) await this.#set(stopRest(this.#queue, d.now()));

			let flights: readonly Flight[];
			try {
				flights = await d.inFlight(this.#followed());
			} catch (e) {
				const failed = fail(e);
				if (failed) return failed;
				const error = toAppError(e);
				const inMs = retryDelayMs(retries++);
				this.#report({ kind: 'retrying', batch: nextToSend(this.#queue), error, inMs });
				await pause(inMs);
				continue;
			}
			const running = new Set(flights.map((f) => f.id));
			await this.#set(markCompleted(this.#queue, running, d.now()));
			if (isFinished(this.#queue)) return this.#report({ kind: 'finished' });

			const i = nextToSend(this.#queue);
			if (i < 0) {
				this.#report({ kind: 'following' });
				await pause(pollDelayMs(polls++));
				continue;
			}
			const batch = this.#queue.batches[i];
			// A batch whose request went out unanswered is sent again at once: if CloudFront made it,
			// the same reference returns it; its items are among `flights` under an ID we don't know.
			if (batch.state === 'waiting' && !fits(batch, roomLeft(flights))) {
				this.#report({ kind: 'waiting-for-room', batch: i });
				await pause(pollDelayMs(polls++));
				continue;
			}

			// Saved before the request: a reload during it sends the same reference again.
			try {
				await this.#set(markSending(this.#queue, i));
			} catch (e) {
				return this.#report({ kind: 'failed', error: toAppError(e) });
			}
			this.#report({ kind: 'sending', batch: i });
			try {
				const { id } = await d.send(batch.callerReference, batch.items);
				await this.#set(markSent(this.#queue, i, id, d.now()));
				polls = 0;
				retries = 0;
			} catch (e) {
				const failed = fail(e);
				if (failed) return failed;
				const error = toAppError(e);
				// Refused for lack of room: nothing was made, so wait for room like any waiting batch.
				if (error.kind === 'busy') await this.#set(markRefused(this.#queue, i));
				const inMs = retryDelayMs(retries++);
				this.#report({ kind: 'retrying', batch: i, error, inMs });
				await pause(inMs);
			}
		}
		return this.#report({ kind: 'paused' });
	}

	/** Sent and not seen completed: completed ones never change, so nobody asks about them again. */
	#followed(): Map<string, readonly string[]> {
		const followed = new Map<string, readonly string[]>();
		for (const b of this.#queue.batches)
			if (b.state === 'sent' && b.invalidationId) followed.set(b.invalidationId, b.items);
		return followed;
	}

	async #set(next: PurgeQueue) {
		if (next === this.#queue) return;
		this.#queue = next;
		await this.#deps.save(next);
	}

	#report(activity: Activity): Activity {
		this.#deps.onUpdate?.(this.#queue, activity);
		return activity;
	}
}
