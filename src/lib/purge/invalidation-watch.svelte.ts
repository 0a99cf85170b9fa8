/**
 * Follows one invalidation until Completed (final: it never changes back). Polls with a growing
 * delay and pauses while the tab is hidden.
 */
import { toAppError, type AppError } from '$lib/errors';
import type { Invalidation } from '$lib/types';
import { pollDelayMs } from './poll';

export class InvalidationWatch {
	#current = $state.raw<Invalidation>();
	#error = $state.raw<AppError | null>(null);
	#completedAt = $state.raw<Date | null>(null);
	#timer: ReturnType<typeof setTimeout> | undefined;
	#attempt = 0;
	#stopped = false;
	#fetch: (id: string) => Promise<Invalidation>;

	constructor(initial: Invalidation, fetch: (id: string) => Promise<Invalidation>) {
		this.#current = initial;
		this.#fetch = fetch;
		if (initial.status !== 'Completed') this.#schedule();
	}

	get current() {
		return this.#current!;
	}
	/** When this watch first saw Completed (CloudFront reports no completion time). */
	get completedAt() {
		return this.#completedAt;
	}
	get error() {
		return this.#error;
	}

	#schedule() {
		if (this.#stopped) return;
		this.#timer = setTimeout(this.#poll, pollDelayMs(this.#attempt++));
	}

	#poll = async () => {
		if (document.hidden) {
			document.addEventListener('visibilitychange', this.#poll, { once: true });
			return;
		}
		try {
			this.#current = await this.#fetch(this.current.id);
			this.#error = null;
		} catch (e) {
			this.#error = toAppError(e);
		}
		if (this.current.status !== 'Completed') this.#schedule();
		else this.#completedAt ??= new Date(); // eslint-disable-line svelte/prefer-svelte-reactivity -- a timestamp
	};

	stop = () => {
		this.#stopped = true;
		clearTimeout(this.#timer);
		document.removeEventListener('visibilitychange', this.#poll);
	};
}
