/**
 * This month's usage for the estimate panel: counted in the background (the form stays usable),
 * with progress while it counts, and counted again after a purge is sent. One per account and
 * month: every distribution page shares it, since the free paths are the account's.
 */
import type { UsageSoFar } from './estimate';
import {
	countMonthUsage,
	monthStartUtc,
	type MonthUsage,
	type MonthUsageProgress,
	type MonthUsageSources
} from './month-usage';

export interface DistributionsToCount {
	ids: string[];
	/** False when ListDistributions was refused and config.json's list was counted instead. */
	listed: boolean;
}

export interface MonthToDateSource extends MonthUsageSources {
	/** ListDistributions where the role may call it, else config.json's `distributions`. */
	distributions(): Promise<DistributionsToCount>;
}

export class MonthToDate {
	readonly since: Date;
	#now: () => Date;
	#source: MonthToDateSource;
	#progress = $state.raw<MonthUsageProgress | null>(null);
	/** The last finished count: kept on screen while a recount runs. */
	#finished = $state.raw<MonthUsage | null>(null);
	#isCounting = $state(false);
	#error = $state.raw<unknown>(null);
	#listed = $state(true);
	#controller: AbortController | null = null;

	/** `now`: the clock deciding "this month" (UTC); its month is fixed for this instance. */
	constructor(source: MonthToDateSource, now: () => Date) {
		this.#source = source;
		this.#now = now;
		this.since = monthStartUtc(now());
		this.refresh();
	}

	get isCounting() {
		return this.#isCounting;
	}
	/** Why the last count stopped short (null when it finished or still runs); refresh to retry. */
	get error() {
		return this.#error;
	}
	get progress() {
		return this.#progress;
	}
	get listed() {
		return this.#listed;
	}
	get unseen() {
		return this.#finished?.unseen ?? [];
	}
	/** For estimateCost; null until the first count has finished. */
	get usage(): UsageSoFar | null {
		return this.#finished;
	}

	/** Count again (after a purge was sent); the count under way, if any, is dropped. */
	refresh = () => {
		this.#controller?.abort();
		const controller = new AbortController();
		this.#controller = controller;
		this.#isCounting = true;
		this.#error = null;
		this.#progress = null;
		const { signal } = controller;
		void this.#source
			.distributions()
			.then(({ ids, listed }) => {
				signal.throwIfAborted();
				this.#listed = listed;
				return countMonthUsage(ids, this.#source, {
					now: this.#now(),
					signal,
					onProgress: (p) => {
						if (!signal.aborted) this.#progress = p;
					}
				});
			})
			.then(
				(usage) => {
					if (signal.aborted) return;
					this.#finished = usage;
					this.#isCounting = false;
				},
				(error: unknown) => {
					// Aborted by a newer count, which takes over.
					if (signal.aborted) return;
					// Anything else (the distributions could not be had, a bug): the count is over, so
					// the panel must not say "counting" forever; the estimate stays the worst case.
					this.#error = error;
					this.#isCounting = false;
					this.#progress = null;
				}
			);
	};
}
