/**
 * The newest invalidations of one distribution, kept fresh while any is in progress (a purge sent
 * from another tab or by a deploy shows up here too). The purge just sent reads its live status
 * from here too: one ListInvalidations per poll rather than a GetInvalidation alongside it.
 * The full history browser is its own page.
 */
import { SvelteMap } from 'svelte/reactivity';
import { toAppError, type AppError } from '$lib/errors';
import { createPoller, type PollerOptions } from '$lib/live/poller';
import { isInProgress, type InvalidationPage } from '$lib/history/invalidation';
import type { InvalidationSummary } from '$lib/history/invalidation';

/** How many the purge page lists. */
export const RECENT_COUNT = 10;

type Load = () => Promise<InvalidationPage>;

export class RecentInvalidations {
	#rows = $state.raw<InvalidationSummary[] | null>(null);
	#error = $state.raw<AppError | null>(null);
	#gaveUp = $state(false);
	/** When this page first saw each one Completed (CloudFront reports no completion time). */
	#completedAt = new SvelteMap<string, Date>();
	#load: Load;
	#poller;

	/** `first`: the load's read, already under way; later reads call `load`. */
	constructor(load: Load, first?: Promise<InvalidationPage>, pollerOptions: PollerOptions = {}) {
		this.#load = load;
		this.#poller = createPoller(
			async () => {
				await this.#loadOnce();
				return this.inProgress > 0;
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
			const rows = (await read).items;
			this.#noteCompletions(rows);
			this.#rows = rows;
			this.#error = null;
		} catch (e) {
			this.#error = toAppError(e);
		}
	}

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
