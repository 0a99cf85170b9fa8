/**
 * The newest invalidations of one distribution, kept fresh while any is in progress (a purge sent
 * from another tab or by a deploy shows up here too). The full history browser is its own page.
 */
import { toAppError, type AppError } from '$lib/errors';
import { pollDelayMs } from '$lib/purge/poll';
import type { InvalidationSummary } from '$lib/types';

type Load = () => Promise<{ items: InvalidationSummary[] }>;

export class RecentInvalidations {
	#rows = $state.raw<InvalidationSummary[] | null>(null);
	#error = $state.raw<AppError | null>(null);
	#load: Load;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#attempt = 0;
	#stopped = false;

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

	/** Load now (after a purge), then keep polling while anything is in progress. */
	refresh = async (restartPolling = true) => {
		clearTimeout(this.#timer);
		if (restartPolling) this.#attempt = 0;
		try {
			this.#rows = (await this.#load()).items;
			this.#error = null;
		} catch (e) {
			this.#error = toAppError(e);
		}
		if (!this.#stopped && this.inProgress > 0)
			this.#timer = setTimeout(this.#tick, pollDelayMs(this.#attempt++));
	};

	#tick = () => {
		if (document.hidden) document.addEventListener('visibilitychange', this.#tick, { once: true });
		else void this.refresh(false);
	};

	stop = () => {
		this.#stopped = true;
		clearTimeout(this.#timer);
		document.removeEventListener('visibilitychange', this.#tick);
	};
}
