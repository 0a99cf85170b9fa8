/**
 * A search over the whole history, in the background: reads further pages and fetches the details
 * that the filters need (path and submitter live only in GetInvalidation), until the history is
 * exhausted or older than the date range. The user sees how far it got and can stop it.
 */
import type { HistoryList } from './history-list.svelte';
import { anyQuery, type HistoryQuery } from './query';
import { filterRows, type DayStart } from './row-filter';

export type SearchState = 'idle' | 'running' | 'stopped' | 'done';

/**
 * Details asked for and not yet answered: a few more than the detail cache runs at once (4), so it
 * always has the next one ready, and Stop leaves little behind.
 */
const DETAIL_WINDOW = 6;

export const isFiltered = (q: HistoryQuery) =>
	q.path !== anyQuery.path ||
	q.status !== anyQuery.status ||
	q.from !== anyQuery.from ||
	q.to !== anyQuery.to ||
	q.by !== anyQuery.by;

export class HistorySearch {
	#list: HistoryList;
	#dayStart: DayStart;
	#state = $state<SearchState>('idle');
	#run = 0;

	constructor(list: HistoryList, dayStart: DayStart) {
		this.#list = list;
		this.#dayStart = dayStart;
	}

	get state() {
		return this.#state;
	}

	/** The history is read back past the start of the date range: older pages cannot match. */
	#pastRange(query: HistoryQuery): boolean {
		if (!query.from) return false;
		const oldest = this.#list.rows.at(-1);
		return oldest !== undefined && oldest.createTime < this.#dayStart(query.from);
	}

	/** Starts (or restarts, for a new query) the background search. */
	start = async (query: HistoryQuery) => {
		const run = ++this.#run;
		if (!isFiltered(query)) {
			this.#state = 'idle';
			return;
		}
		this.#state = 'running';
		const list = this.#list;
		let queue: string[] = [];
		const inFlight = new Set<Promise<void>>(); // eslint-disable-line svelte/prefer-svelte-reactivity -- not state
		while (run === this.#run) {
			if (queue.length === 0 && inFlight.size === 0) {
				queue = filterRows(list.joined, query, this.#dayStart)
					.needsDetail.map((r) => r.summary.id)
					.filter((id) => !list.detailError(id));
				if (queue.length === 0) {
					if (list.exhausted || this.#pastRange(query)) break;
					if (list.error) {
						this.#state = 'stopped';
						return;
					}
					await list.loadMore();
					continue;
				}
			}
			// The next page is read while these details are fetched.
			if (!list.exhausted && !list.error && !this.#pastRange(query)) void list.loadMore();
			while (inFlight.size < DETAIL_WINDOW && queue.length > 0) {
				const request: Promise<void> = list
					.loadDetails([queue.shift() ?? ''])
					.then(() => void inFlight.delete(request));
				inFlight.add(request);
			}
			await Promise.race(inFlight);
		}
		if (run === this.#run) this.#state = 'done';
	};

	/** Stops after the requests already sent; what was found stays. */
	stop = () => {
		this.#run++;
		if (this.#state === 'running') this.#state = 'stopped';
	};
}
