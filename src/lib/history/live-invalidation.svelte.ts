/**
 * One invalidation kept live on its detail page: while it is InProgress it is read again with
 * growing delays (paused while the tab is hidden, given up after the poller's bound), and the
 * moment this page first saw it Completed is kept (CloudFront reports no completion time).
 */
import { createPoller, type PollerOptions } from '$lib/live/poller';
import { isInProgress, type Invalidation } from './invalidation';

export class LiveInvalidation {
	#current = $state.raw<Invalidation>() as Invalidation;
	#completedAt = $state.raw<Date | null>(null);
	#gaveUp = $state(false);
	#poller;

	constructor(first: Invalidation, read: () => Promise<Invalidation>, poll: PollerOptions = {}) {
		this.#current = first;
		this.#poller = createPoller(
			async () => {
				try {
					this.#see(await read());
				} catch {
					// Tried again at the next delay; the page keeps the last status it read.
				}
				return isInProgress(this.#current.status);
			},
			{ ...poll, onGiveUp: () => (this.#gaveUp = true) }
		);
		if (isInProgress(first.status)) this.#poller.restart();
	}

	get invalidation() {
		return this.#current;
	}
	/** When this page saw it turn Completed; null if it was already Completed when opened. */
	get completedAt() {
		return this.#completedAt;
	}
	get gaveUp() {
		return this.#gaveUp;
	}

	#see(next: Invalidation) {
		if (isInProgress(this.#current.status) && !isInProgress(next.status))
			this.#completedAt = new Date(); // eslint-disable-line svelte/prefer-svelte-reactivity -- a timestamp
		this.#current = next;
	}

	refresh = () => {
		this.#gaveUp = false;
		this.#poller.restart();
	};

	stop = () => this.#poller.stop();
}
