/**
 * The newest invalidations of one distribution, kept fresh while any is in progress (a purge sent
 * from another tab or by a deploy shows up here too). The purge just sent reads its live status
 * from here too: one ListInvalidations per poll rather than a GetInvalidation alongside it.
 * While a purge queue runs on the page it reads the newest 100 each tick anyway: then its reads
 * feed this list, which stops polling on its own, so the page makes one call per tick, not two.
 * The full history browser is its own page.
 */
import { SvelteMap } from 'svelte/reactivity';
import { toAppError, type AppError } from '$lib/errors';
import { createPoller, type PollerOptions } from '$lib/live/poller';
import { isInProgress, type InvalidationPage } from '$lib/history/invalidation';
import type { InvalidationSummary } from '$lib/history/invalidation';
import { RECENT_COUNT } from './recent-count';

export { RECENT_COUNT };

type Load = () => Promise<InvalidationPage>;

export class RecentInvalidations {
	#rows = $state.raw<InvalidationSummary[] | null>(null);
	#error = $state.raw<AppError | null>(null);
	#gaveUp = $state(false);
	/** When this page first saw each one Completed (CloudFront reports no completion time). */
	#completedAt = new SvelteMap<string, Date>();
	/** Another poller's reads feed this list (not reactive: nothing renders it). */
	#fed = false;
	#load: Load;
	#poller;

	/** `first`: the load's read, already under way; later reads call `load`. */
	constructor(load: Load, first?: Promise<InvalidationPage>, pollerOptions: PollerOptions = {}) {
		this.#load = load;
		this.#poller = createPoller(
			async () => {
				if (this.#fed) return false;
				await this.#loadOnce();
				return this.inProgress > 0 && !this.#fed;
			},
			{ ...pollerOptions, onGiveUp: () => (this.#gaveUp = true) }
		);
		void this.#refreshWith(first);
	}

	get rows() {
		return this.#rows;
	}
	get error() {
		return this.#error;
	}
	/** Live checks stopped at their time bound with something still in progress. */
	get gaveUp() {
		return this.#gaveUp;
	}
	completedAt(id: string): Date | undefined {
		return this.#completedAt.get(id);
	}
	get inProgress() {
		return (this.#rows ?? []).filter((r) => isInProgress(r.status)).length;
	}

	async #loadOnce(read: Promise<InvalidationPage> = this.#load()) {
		try {
			this.#take((await read).items);
		} catch (e) {
			this.#error = toAppError(e);
		}
	}

	#take(rows: InvalidationSummary[]) {
		this.#noteCompletions(rows);
		this.#rows = rows;
		this.#error = null;
	}

	/**
	 * A newer read of this distribution's list by another poller (the purge queue's newest 100):
	 * shown at once, and until `endFeed` this list does not poll on its own.
	 */
	feed = (page: InvalidationPage) => {
		this.#fed = true;
		this.#gaveUp = false;
		this.#take(page.items.slice(0, RECENT_COUNT));
	};

	/** The other poller stopped: poll on its own again while anything is in progress. */
	endFeed = () => {
		if (!this.#fed) return;
		this.#fed = false;
		if (this.inProgress > 0) this.#poller.restart();
	};

	#noteCompletions(rows: InvalidationSummary[]) {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup, not state
		const wasInProgress = new Set(
			(this.#rows ?? []).filter((r) => isInProgress(r.status)).map((r) => r.id)
		);
		const now = new Date(); // eslint-disable-line svelte/prefer-svelte-reactivity -- a timestamp
		for (const row of rows)
			if (!isInProgress(row.status) && wasInProgress.has(row.id) && !this.#completedAt.has(row.id))
				this.#completedAt.set(row.id, now);
	}

	/** Load now (after a purge, or "check again"), then keep polling while anything is in progress. */
	refresh = () => this.#refreshWith();

	async #refreshWith(read?: Promise<InvalidationPage>) {
		this.#gaveUp = false;
		await this.#loadOnce(read);
		if (this.inProgress > 0) this.#poller.restart();
	}

	stop = () => this.#poller.stop();
}
