/**
 * The history of one distribution as the history page holds it: ListInvalidations pages, newest
 * first, fetched one page at a time as the user scrolls (Marker/NextMarker), and the
 * GetInvalidation details of the rows that need them, through the shared detail cache (which
 * bounds concurrency and never fetches a Completed invalidation twice).
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ListInvalidations.html
 *
 * Rows that are InProgress are kept live wherever they are in the list: with growing delays
 * (paused while the tab is hidden) the newest page is read again, which brings new invalidations
 * and covers the rows on it, and the rows further down that are still in progress are read as
 * `planLiveChecks` says (a page read per burst, a GetInvalidation per lone row), until none is left.
 */
import { SvelteMap } from 'svelte/reactivity';
import { toAppError, type AppError } from '$lib/errors';
import { createPoller, type PollerOptions } from '$lib/live/poller';
import {
	isInProgress,
	type Invalidation,
	type InvalidationPage,
	type InvalidationSummary
} from './invalidation';
import { planLiveChecks } from './live-plan';
import type { HistoryRow } from './row-filter';

/** Invalidations per ListInvalidations call: the most the API reference allows. */
export const HISTORY_PAGE_SIZE = 100;

export interface HistorySource {
	/** Invalidations per `page` call. */
	readonly pageSize: number;
	/** One page of ListInvalidations after `marker` (newest first). */
	page(marker?: string): Promise<InvalidationPage>;
	/** One invalidation's detail, through the shared detail cache. */
	detail(id: string): Promise<Invalidation>;
	/**
	 * A page read says this invalidation is now Completed: the detail cache may keep what it
	 * holds for it as final (its paths never change), so it is never fetched again.
	 */
	completed?(id: string): void;
}

/** Details arriving close together are shown together: one re-render, not one per answer. */
const DETAIL_FLUSH_MS = 50;

export class HistoryList {
	#source: HistorySource;
	#rows = $state.raw<InvalidationSummary[]>([]);
	#exhausted = $state(false);
	#loading = $state(false);
	#error = $state.raw<AppError | null>(null);
	#pages = $state(0);
	#next: string | undefined;
	#pending: Promise<void> | null = null;

	// Plain maps on purpose: a burst of answers re-renders once, through #detailVersion.
	/* eslint-disable svelte/prefer-svelte-reactivity */
	#details = new Map<string, Invalidation>();
	#detailErrors = new Map<string, AppError>();
	#requested = new Map<string, Promise<void>>();
	/* eslint-enable svelte/prefer-svelte-reactivity */
	#detailVersion = $state(0);
	#flush: ReturnType<typeof setTimeout> | undefined;

	/** When this page saw each one turn Completed (CloudFront reports no completion time). */
	#completedAt = new SvelteMap<string, Date>();
	#gaveUp = $state(false);
	/** The poller is running (between a restart and its last tick or giving up). */
	#live = false;
	#poller;

	/** `first`: the load's first page, already under way. */
	constructor(source: HistorySource, first: Promise<InvalidationPage>, poll: PollerOptions = {}) {
		this.#source = source;
		this.#poller = createPoller(
			async () => {
				const more = await this.#refreshLive();
				if (!more) this.#live = false;
				return more;
			},
			{
				...poll,
				onGiveUp: () => {
					this.#live = false;
					this.#gaveUp = true;
				}
			}
		);
		void this.#loadPage(first);
	}

	get rows() {
		return this.#rows;
	}
	/** Every page has been read: the history ends here. */
	get exhausted() {
		return this.#exhausted;
	}
	get loading() {
		return this.#loading;
	}
	get error() {
		return this.#error;
	}
	/** ListInvalidations pages read so far. */
	get pages() {
		return this.#pages;
	}
	get gaveUp() {
		return this.#gaveUp;
	}
	get inProgress() {
		return this.#rows.filter((r) => isInProgress(r.status)).length;
	}
	completedAt(id: string): Date | undefined {
		return this.#completedAt.get(id);
	}

	/** The detail of `id` once fetched; reading it re-renders when details arrive. */
	detail(id: string): Invalidation | undefined {
		void this.#detailVersion;
		return this.#details.get(id);
	}
	detailError(id: string): AppError | undefined {
		void this.#detailVersion;
		return this.#detailErrors.get(id);
	}
	/** How many details have been fetched (or failed) so far. */
	get detailsKnown() {
		void this.#detailVersion;
		return this.#details.size + this.#detailErrors.size;
	}

	/** Rows joined with the details known so far, for filtering. */
	get joined(): HistoryRow[] {
		void this.#detailVersion;
		return this.#rows.map((summary) => ({ summary, detail: this.#details.get(summary.id) }));
	}

	/** Reads the next page unless one is being read or the history is exhausted. */
	loadMore = (): Promise<void> => {
		if (this.#pending) return this.#pending;
		if (this.#exhausted || this.#pages === 0) return Promise.resolve();
		return this.#loadPage(this.#source.page(this.#next));
	};

	/** After a failed page: the same page again. */
	retry = (): Promise<void> => {
		this.#error = null;
		if (this.#pages === 0) return this.#loadPage(this.#source.page());
		return this.loadMore();
	};

	#loadPage(read: Promise<InvalidationPage>): Promise<void> {
		this.#loading = true;
		this.#pending = (async () => {
			try {
				const page = await read;
				const known = new Set(this.#rows.map((r) => r.id)); // eslint-disable-line svelte/prefer-svelte-reactivity -- a local lookup
				this.#rows = [...this.#rows, ...page.items.filter((r) => !known.has(r.id))];
				this.#next = page.next;
				this.#exhausted = !page.next || page.items.length === 0;
				this.#pages++;
				this.#error = null;
				// Any page may bring rows in progress (older ones too, after a burst of purges).
				if (this.inProgress > 0 && !this.#live && !this.#gaveUp) this.#startLive();
			} catch (e) {
				this.#error = toAppError(e);
			} finally {
				this.#loading = false;
				this.#pending = null;
			}
		})();
		return this.#pending;
	}

	/** Fetch the details of these rows (once each); resolves when all have answered. */
	loadDetails = (ids: readonly string[]): Promise<void> =>
		Promise.all(ids.map((id) => this.#loadDetail(id))).then(() => undefined);

	#loadDetail(id: string): Promise<void> {
		const known = this.#requested.get(id);
		if (known) return known;
		const request = this.#source.detail(id).then(
			(inv) => {
				this.#details.set(id, inv);
				this.#detailErrors.delete(id);
				this.#changed();
			},
			(e: unknown) => {
				this.#detailErrors.set(id, toAppError(e));
				this.#requested.delete(id); // may be asked for again later
				this.#changed();
			}
		);
		this.#requested.set(id, request);
		return request;
	}

	#changed() {
		this.#flush ??= setTimeout(() => {
			this.#flush = undefined;
			this.#detailVersion++;
		}, DETAIL_FLUSH_MS);
	}

	/**
	 * Live status: the newest page again (new invalidations go on top, statuses are updated), then
	 * the in-progress rows it did not cover, with the fewest calls (see `planLiveChecks`).
	 */
	async #refreshLive(): Promise<boolean> {
		let newest: InvalidationPage;
		try {
			newest = await this.#source.page();
		} catch {
			// A failed poll is tried again at the next delay; the rows keep their last status.
			return this.inProgress > 0;
		}
		const known = new Set(this.#rows.map((r) => r.id)); // eslint-disable-line svelte/prefer-svelte-reactivity -- a local lookup
		this.#rows = [...newest.items.filter((r) => !known.has(r.id)), ...this.#rows];
		this.#see(newest.items);
		const covered = new Set(newest.items.map((r) => r.id)); // eslint-disable-line svelte/prefer-svelte-reactivity -- a local lookup
		const plan = planLiveChecks(this.#rows, covered, this.#source.pageSize);
		const answers = await Promise.allSettled([
			...plan.markers.map((m) => this.#source.page(m).then((p) => p.items)),
			...plan.details.map((id) =>
				this.#source.detail(id).then((inv) => {
					this.#details.set(id, inv);
					this.#changed();
					return [inv];
				})
			)
		]);
		// A failed read leaves its rows as they were, to be tried again at the next delay.
		this.#see(answers.flatMap((a) => (a.status === 'fulfilled' ? a.value : [])));
		return this.inProgress > 0;
	}

	/** New statuses for rows already listed; rows not listed yet are left to `loadMore`. */
	#see(fresh: readonly InvalidationSummary[]) {
		const byId = new Map(fresh.map((r) => [r.id, r])); // eslint-disable-line svelte/prefer-svelte-reactivity -- a local lookup
		const now = new Date(); // eslint-disable-line svelte/prefer-svelte-reactivity -- a timestamp
		let changed = false;
		const rows = this.#rows.map((row) => {
			const next = byId.get(row.id);
			if (!next || next.status === row.status) return row;
			changed = true;
			if (isInProgress(row.status) && !isInProgress(next.status)) {
				this.#completedAt.set(row.id, now);
				this.#source.completed?.(row.id);
			}
			return { id: row.id, status: next.status, createTime: row.createTime };
		});
		if (changed) this.#rows = rows;
	}

	#startLive() {
		this.#live = true;
		this.#poller.restart();
	}

	/** "Check again" after live checks gave up, or after a purge from this page. */
	refresh = () => {
		this.#gaveUp = false;
		this.#startLive();
	};

	stop = () => {
		this.#poller.stop();
		clearTimeout(this.#flush);
	};
}
