/**
 * The newest invalidations of one distribution, kept fresh while any is in progress (a purge sent
 * from another tab or by a deploy shows up here too). The purge just sent reads its live status
 * from here too: one ListInvalidations per poll rather than a GetInvalidation alongside it.
 * The full history browser is its own page.
 */
import { SvelteMap } from 'svelte/reactivity';
import { toAppError, type AppError } from '$lib/errors';
import { createPoller } from '$lib/live/poller';
import { isInProgress, type InvalidationSummary } from '$lib/history/invalidation';

type Load = () => Promise<{ items: InvalidationSummary[] }>;

export class RecentInvalidations {
	#rows = $state.raw<InvalidationSummary[] | null>(null);
	#error = $state.raw<AppError | null>(null);
	/** When this page first saw each one Completed (CloudFront reports no completion time). */
	#completedAt = new SvelteMap<string, Date>();
	#load: Load;
	#poller = createPoller(async () => {
		await this.#loadOnce();
		return this.inProgress > 0;
	});

	constructor(load: Load) {
		this.#load = load;
		void this.refresh();
	}

	get rows() {
		return this.#rows;
	}
	get error() {
		return this.#error;
	}
	completedAt(id: string): Date | undefined {
		return this.#completedAt.get(id);
	}
	get inProgress() {
		return (this.#rows ?? []).filter((r) => isInProgress(r.status)).length;
	}

	async #loadOnce() {
		try {
			const rows = (await this.#load()).items;
			this.#noteCompletions(rows);
			this.#rows = rows;
			this.#error = null;
		} catch (e) {
			this.#error = toAppError(e);
		}
	}

	#noteCompletions(rows: InvalidationSummary[]) {
		const wasInProgress = (this.#rows ?? []).filter((r) => isInProgress(r.status));
		const now = new Date(); // eslint-disable-line svelte/prefer-svelte-reactivity -- a timestamp
		for (const row of rows)
			if (row.status === 'Completed' && wasInProgress.some((r) => r.id === row.id))
				this.#completedAt.set(row.id, now);
	}

	/** Load now (after a purge), then keep polling while anything is in progress. */
	refresh = async () => {
		await this.#loadOnce();
		if (this.inProgress > 0) this.#poller.restart();
	};

	stop = () => this.#poller.stop();
}
