/**
 * Follows one invalidation until Completed (final: it never changes back).
 */
import { toAppError, type AppError } from '$lib/errors';
import type { Invalidation } from '$lib/types';
import { createPoller } from './poller';

export class InvalidationWatch {
	#current = $state.raw<Invalidation>();
	#error = $state.raw<AppError | null>(null);
	#completedAt = $state.raw<Date | null>(null);
	#fetch: (id: string) => Promise<Invalidation>;
	#poller = createPoller(async () => {
		try {
			this.#current = await this.#fetch(this.current.id);
			this.#error = null;
		} catch (e) {
			this.#error = toAppError(e);
		}
		if (this.current.status !== 'Completed') return true;
		this.#completedAt ??= new Date(); // eslint-disable-line svelte/prefer-svelte-reactivity -- a timestamp
		return false;
	});

	constructor(initial: Invalidation, fetch: (id: string) => Promise<Invalidation>) {
		this.#current = initial;
		this.#fetch = fetch;
		if (initial.status !== 'Completed') this.#poller.restart();
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

	stop = () => this.#poller.stop();
}
