/**
 * One user's purge queue for one distribution, as a page shows it: opened from IndexedDB (and
 * resumed) when the page opens, made from a checked list, run by one tab at a time.
 *
 * Two tabs: the Web Locks API lets one tab run the queue while the other shows its progress
 * (https://developer.mozilla.org/en-US/docs/Web/API/Web_Locks_API); where locks are missing, the
 * fixed CallerReferences alone keep a second tab from purging twice. Creating a queue happens
 * under the same lock and refuses while an unfinished one exists, so a double click or a second
 * tab never makes a second queue (with new references) for the same purge.
 */
import type { CloudFrontApi } from '$lib/aws/cloudfront';
import type { DetailCache } from '$lib/history/detail-cache';
import type { InvalidationPage } from '$lib/history/invalidation';
import { readInFlight } from './in-flight';
import { isFinished, makeQueue, progressOf, type PurgeQueue } from './queue';
import { QueueRunner, type Activity } from './queue-runner';
import type { CreateResult } from './queue-start';
import { isUnreadable, type QueueStore, type UnreadableQueue } from './queue-store';

export interface LiveQueueOptions {
	/** The page's queue store, which may serve several queues: its owner closes it, not `destroy`. */
	store: QueueStore;
	api: Promise<CloudFrontApi>;
	owner: { subject: string; email: string };
	distributionId: string;
	/** The session's shared detail cache (`detailCacheFor`), so a detail is fetched once for all. */
	details: () => Promise<DetailCache>;
	/**
	 * The page's recent list: while the queue runs in this tab, each ListInvalidations page it
	 * reads feeds the list instead of the list polling too.
	 */
	recent?: { feed(page: InvalidationPage): void; endFeed(): void };
}

const CHANNEL = 'purge-console-queues';

export class LiveQueue {
	#o: LiveQueueOptions;
	#queue = $state.raw<PurgeQueue | null>(null);
	#activity = $state.raw<Activity | null>(null);
	#unreadable = $state.raw<UnreadableQueue | null>(null);
	#elsewhere = $state(false);
	#now = $state(Date.now());
	#runner: QueueRunner | null = null;
	#page = new AbortController();
	#ticker: ReturnType<typeof setInterval> | undefined;
	#channel: BroadcastChannel | null = null;

	constructor(options: LiveQueueOptions) {
		this.#o = options;
		if (typeof BroadcastChannel !== 'undefined') {
			this.#channel = new BroadcastChannel(CHANNEL);
			this.#channel.onmessage = (e: MessageEvent<string>) => {
				if (e.data === this.#lockName && !this.#runner) void this.#reload();
			};
		}
	}

	get queue() {
		return this.#queue;
	}
	get activity() {
		return this.#activity;
	}
	/** A stored queue this console cannot read: kept, and never resumed, until dismissed. */
	get unreadable() {
		return this.#unreadable;
	}
	/** Another tab of this browser is running this queue; this one shows its progress. */
	get elsewhere() {
		return this.#elsewhere;
	}
	get progress() {
		return this.#queue ? progressOf(this.#queue, this.#now) : null;
	}
	get distributionId() {
		return this.#o.distributionId;
	}
	get isRunning() {
		return this.#queue !== null && !isFinished(this.#queue);
	}

	get #lockName() {
		return `purge-queue:${this.#o.owner.subject}:${this.#o.distributionId}`;
	}

	/** Shows the stored queue and resumes it when it is unfinished. */
	open = async () => {
		await this.#reload();
		if (this.#queue && !isFinished(this.#queue)) void this.resume();
	};

	/**
	 * Makes the queue from a checked list, stores it, then sends it, holding the lock for the whole
	 * run; resolves once the queue is stored (or refused), not when it ends.
	 */
	create = (items: readonly string[]) =>
		new Promise<CreateResult>((resolve) => {
			void this.#exclusive(true, async (held) => {
				if (!held) return resolve('already-running');
				const stored = await this.#o.store.get(this.#o.owner.subject, this.#o.distributionId);
				// A new queue would overwrite the only record of which batches the old one sent.
				if (isUnreadable(stored)) {
					this.#unreadable = stored;
					return resolve('unreadable-kept');
				}
				if (stored && !isFinished(stored)) {
					this.#show(stored);
					return resolve('already-running');
				}
				const queue = makeQueue({
					owner: this.#o.owner.subject,
					email: this.#o.owner.email,
					distributionId: this.#o.distributionId,
					items,
					now: Date.now(),
					newUuid: () => crypto.randomUUID()
				});
				// Stored before anything is sent: without it, a reload could not reuse the references.
				try {
					await this.#save(queue);
				} catch {
					return resolve('not-stored');
				}
				this.#show(queue);
				resolve('started');
				await this.#run();
			});
		});

	/** Runs the stored queue in this tab once no other tab does. */
	resume = () =>
		this.#exclusive(false, () => this.#run(true)).catch(() => {
			// The page closed while waiting for the other tab: nothing to do.
		});

	stop = async () => {
		if (this.#runner) return this.#runner.stop();
		if (!this.#queue) return;
		// Not running here (a failure ended the run): stop the stored queue directly.
		const idle = new QueueRunner(this.#queue, this.#deps());
		await idle.stop();
		this.#show(idle.queue);
	};

	/** Forgets a finished queue, here and in this browser's other tabs. */
	dismiss = async () => {
		if (!this.#queue || !isFinished(this.#queue)) return;
		await this.#o.store.delete(this.#o.owner.subject, this.#o.distributionId);
		this.#queue = null;
		this.#activity = null;
		this.#channel?.postMessage(this.#lockName);
	};

	/**
	 * Forgets an unreadable record once the user has read the notice. Under the lock, and only if
	 * the record is still the unreadable one, so a queue made since in another tab is never lost.
	 */
	dismissUnreadable = () =>
		this.#exclusive(true, async (held) => {
			const { subject } = this.#o.owner;
			const stored = held ? await this.#o.store.get(subject, this.#o.distributionId) : undefined;
			if (isUnreadable(stored)) {
				await this.#o.store.delete(subject, this.#o.distributionId);
				this.#channel?.postMessage(this.#lockName);
			}
			this.#unreadable = null;
		});

	/** The page is left: stops running here and closes the channel (the store is its owner's). */
	destroy = () => {
		this.#page.abort();
		clearInterval(this.#ticker);
		this.#channel?.close();
	};

	async #run(reload = false) {
		if (this.#runner || this.#page.signal.aborted) return;
		if (reload) await this.#reload();
		if (!this.#queue || isFinished(this.#queue)) return;
		const runner = new QueueRunner(this.#queue, this.#deps());
		this.#runner = runner;
		this.#elsewhere = false;
		this.#ticker = setInterval(() => (this.#now = Date.now()), 1000);
		try {
			await runner.run(this.#page.signal);
		} finally {
			this.#runner = null;
			this.#o.recent?.endFeed();
			clearInterval(this.#ticker);
			this.#now = Date.now();
		}
	}

	#deps() {
		const { api, distributionId } = this.#o;
		return {
			now: () => Date.now(),
			wait: (ms: number, signal: AbortSignal) =>
				new Promise<void>((resolve) => {
					const t = setTimeout(resolve, ms);
					signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
				}),
			send: async (ref: string, items: string[]) =>
				(await api).createInvalidation(distributionId, ref, items),
			inFlight: async (followed: ReadonlyMap<string, readonly string[]>) => {
				const a = await api;
				return readInFlight(
					distributionId,
					{
						listRecent: async (id, n) => {
							const page = await a.listInvalidations(id, n);
							this.#o.recent?.feed(page);
							return page;
						},
						// An invalidation's paths never change: a kept detail of any status will do.
						paths: async (id, inv) => {
							const details = await this.#o.details();
							return ((await details.peek(id, inv)) ?? (await details.get(id, inv))).paths;
						},
						// The cache asks CloudFront again unless it holds the detail as Completed.
						detail: async (id, inv) => (await this.#o.details()).get(id, inv)
					},
					followed
				);
			},
			save: (q: PurgeQueue) => this.#save(q),
			onUpdate: (q: PurgeQueue, activity: Activity) => {
				this.#show(q);
				this.#activity = activity;
			}
		};
	}

	async #save(queue: PurgeQueue) {
		await this.#o.store.put(queue);
		this.#channel?.postMessage(this.#lockName);
	}

	async #reload() {
		const stored = await this.#o.store.get(this.#o.owner.subject, this.#o.distributionId);
		this.#unreadable = isUnreadable(stored) ? stored : null;
		if (stored && !isUnreadable(stored)) this.#show(stored);
		else if (!stored && this.#queue && isFinished(this.#queue)) {
			// Dismissed in another tab. An unfinished queue shown here stays until it is stored
			// again or finished: it may be this tab's own, just made.
			this.#queue = null;
			this.#activity = null;
		}
	}

	#show(queue: PurgeQueue) {
		this.#queue = queue;
		this.#now = Date.now();
	}

	/**
	 * Runs `task` holding this queue's lock. `ifAvailable`: don't wait, tell the task whether it
	 * got the lock. Otherwise wait for it, showing meanwhile that another tab runs the queue.
	 */
	async #exclusive<T>(ifAvailable: boolean, task: (held: boolean) => Promise<T>): Promise<T> {
		const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
		if (!locks) return task(true);
		if (ifAvailable)
			return locks.request(this.#lockName, { ifAvailable: true }, (lock) => task(lock !== null));
		const got = await locks.request(this.#lockName, { ifAvailable: true }, async (lock) =>
			lock ? { value: await task(true) } : null
		);
		if (got) return got.value;
		this.#elsewhere = true;
		return locks.request(this.#lockName, { signal: this.#page.signal }, () => task(true));
	}
}
