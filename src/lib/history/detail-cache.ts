/**
 * GetInvalidation details for the cost estimate and the history browser, fetched once and kept.
 * ListInvalidations gives only ID, time and status; paths and CallerReference need one
 * GetInvalidation each (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_GetInvalidation.html).
 * A `Completed` invalidation never changes, so its detail is never fetched again; any other
 * status is fetched again whenever it is asked for.
 */
import { openDetailStore, type DetailStore } from './detail-store';
import type { Invalidation } from './invalidation';
import { createLimiter } from './limit-concurrency';

/** The AWS layer's getInvalidation, with a signal to drop requests nobody waits for. */
export type FetchDetail = (
	distributionId: string,
	invalidationId: string,
	signal: AbortSignal
) => Promise<Invalidation>;

export interface DetailCache {
	/**
	 * The detail, from the cache when Completed, otherwise from CloudFront: at most
	 * `maxConcurrent` requests at once, and one request per invalidation however many ask.
	 * Rejects with the signal's reason when `signal` aborts first.
	 */
	get(distributionId: string, invalidationId: string, signal?: AbortSignal): Promise<Invalidation>;
	/**
	 * ListInvalidations reported it Completed: what is kept of it becomes final (its paths and
	 * CallerReference never change), so it is never fetched again. Nothing kept: nothing to do.
	 */
	markCompleted(distributionId: string, invalidationId: string): Promise<void>;
	/** What is kept, without a request; a detail not Completed may be out of date. */
	peek(distributionId: string, invalidationId: string): Promise<Invalidation | undefined>;
	/** Where details are kept now: `memory` when IndexedDB is unavailable or full. */
	readonly storage: 'indexeddb' | 'memory';
}

export interface DetailCacheOptions {
	/**
	 * The signed-in user's stable ID (the ID token's `sub`). Each user has their own database,
	 * so nobody is shown details of a distribution their role can't read.
	 */
	userKey: string;
	fetchDetail: FetchDetail;
	/** Default 4. */
	maxConcurrent?: number;
	/** For tests; by default IndexedDB for `userKey`, falling back to memory. */
	store?: DetailStore;
}

interface InFlight {
	promise: Promise<Invalidation>;
	controller: AbortController;
	waiters: number;
}

/**
 * @example
 * const details = await createDetailCache({ userKey: claims.sub, fetchDetail: api.getInvalidation });
 * const inv = await details.get('E1ABCDEF', 'I2J0I21PCUYOIK', signal);
 */
export async function createDetailCache(options: DetailCacheOptions): Promise<DetailCache> {
	const store = options.store ?? (await openDetailStore(options.userKey));
	const limit = createLimiter(options.maxConcurrent ?? 4);
	const inFlight = new Map<string, InFlight>();
	const keyOf = (distributionId: string, id: string) => `${distributionId}/${id}`;

	function fetchOnce(distributionId: string, id: string): InFlight {
		const key = keyOf(distributionId, id);
		const running = inFlight.get(key);
		if (running && !running.controller.signal.aborted) return running;
		const controller = new AbortController();
		const promise = limit(async () => {
			const detail = await options.fetchDetail(distributionId, id, controller.signal);
			await store.put(key, detail);
			return detail;
		}, controller.signal).finally(() => {
			if (inFlight.get(key)?.controller === controller) inFlight.delete(key);
		});
		const entry = { promise, controller, waiters: 0 };
		inFlight.set(key, entry);
		return entry;
	}

	return {
		get storage() {
			return store.kind;
		},
		peek: (distributionId, id) => store.get(keyOf(distributionId, id)),
		async markCompleted(distributionId, id) {
			const key = keyOf(distributionId, id);
			const kept = await store.get(key);
			if (kept && kept.status !== 'Completed')
				await store.put(key, { ...kept, status: 'Completed' });
		},
		async get(distributionId, id, signal) {
			signal?.throwIfAborted();
			const kept = await store.get(keyOf(distributionId, id));
			if (kept?.status === 'Completed') return kept;
			signal?.throwIfAborted();
			const entry = fetchOnce(distributionId, id);
			return waitFor(entry, signal);
		}
	};
}

/** Waits for a shared request; the request is cancelled only when every waiter has given up. */
function waitFor(entry: InFlight, signal?: AbortSignal): Promise<Invalidation> {
	entry.waiters++;
	if (!signal) return entry.promise;
	return new Promise((resolve, reject) => {
		const onAbort = () => {
			if (--entry.waiters === 0) entry.controller.abort(signal.reason);
			reject(signal.reason);
		};
		signal.addEventListener('abort', onAbort, { once: true });
		entry.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
	});
}
