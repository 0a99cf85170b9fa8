/**
 * The newest invalidations of one distribution, kept fresh while any is in progress (a purge sent
 * from another tab or by a deploy shows up here too). The full history browser is its own page.
 */
import { toAppError, type AppError } from '$lib/errors';
import { createPoller } from '$lib/purge/poller';
import type { InvalidationSummary } from '$lib/types';

type Load = () => Promise<{ items: InvalidationSummary[] }>;

export class RecentInvalidations {
	#rows = $state.raw<InvalidationSummary[] | null>(null);
	#error = $state.raw<AppError | null>(null);
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
	get inProgress() {
		return (this.#rows ?? []).filter((r) => r.status === 'InProgress').length;
	}

	async #loadOnce() {
		try {
			this.#rows = (await this.#load()).items;
			this.#error = null;
		} catch (e) {
			this.#error = toAppError(e);
		}
	}

	/** Load now (after a purge), then keep polling while anything is in progress. */
	refresh = async () => {
		await this.#loadOnce();
		if (this.inProgress > 0) this.#poller.restart();
	};

	stop = () => this.#poller.stop();
}
