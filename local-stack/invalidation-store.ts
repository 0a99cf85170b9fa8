import { randomInt } from 'node:crypto';

// Invalidations per distribution, oldest first in memory, served newest first. Status is computed
// lazily from `completesAt`, so nothing ticks in the background.

export interface Invalidation {
	id: string;
	distributionId: string;
	/** Epoch milliseconds. */
	createTime: number;
	/** Epoch milliseconds at which the status becomes `Completed`. */
	completesAt: number;
	callerReference: string;
	paths: string[];
}

export type InvalidationStatus = 'InProgress' | 'Completed';

export const statusOf = (inv: Invalidation, now = Date.now()): InvalidationStatus =>
	now >= inv.completesAt ? 'Completed' : 'InProgress';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** Shaped like CloudFront's ids (e.g. `I2J0I21PCUYOIK`): `I` and 13 upper-case alphanumerics. */
export const invalidationId = (next: (n: number) => number): string =>
	'I' + Array.from({ length: 13 }, () => ID_ALPHABET[next(ID_ALPHABET.length)]).join('');

export interface Page {
	items: Invalidation[];
	nextMarker?: string;
}

export class InvalidationStore {
	#byDistribution = new Map<string, Invalidation[]>();
	/** id → position in its distribution's list, for Marker lookups and GetInvalidation. */
	#position = new Map<string, number>();
	#byReference = new Map<string, Invalidation>();

	constructor(distributionIds: readonly string[]) {
		for (const id of distributionIds) this.#byDistribution.set(id, []);
	}

	/** Replaces everything; `history` must be sorted by createTime, oldest first. */
	reset(history: readonly Invalidation[]) {
		for (const list of this.#byDistribution.values()) list.length = 0;
		this.#position.clear();
		this.#byReference.clear();
		for (const inv of history) this.add(inv);
	}

	add(inv: Invalidation) {
		const list = this.#byDistribution.get(inv.distributionId);
		if (!list) throw new Error(`unknown distribution ${inv.distributionId}`);
		if (this.#position.has(inv.id)) throw new Error(`duplicate invalidation id ${inv.id}`);
		this.#position.set(inv.id, list.length);
		list.push(inv);
		this.#byReference.set(`${inv.distributionId}\n${inv.callerReference}`, inv);
	}

	newId(): string {
		for (;;) {
			const id = invalidationId(randomInt);
			if (!this.#position.has(id)) return id;
		}
	}

	has(id: string): boolean {
		return this.#position.has(id);
	}

	get(distributionId: string, id: string): Invalidation | undefined {
		const pos = this.#position.get(id);
		const inv = pos === undefined ? undefined : this.#byDistribution.get(distributionId)?.[pos];
		return inv?.id === id ? inv : undefined;
	}

	byCallerReference(distributionId: string, ref: string): Invalidation | undefined {
		return this.#byReference.get(`${distributionId}\n${ref}`);
	}

	/** Newest first. */
	all(distributionId: string): Invalidation[] {
		return [...(this.#byDistribution.get(distributionId) ?? [])].reverse();
	}

	inProgress(distributionId: string, now = Date.now()): Invalidation[] {
		return (this.#byDistribution.get(distributionId) ?? []).filter(
			(i) => statusOf(i, now) === 'InProgress'
		);
	}

	/**
	 * One page, newest first, starting after `marker` (the id of the previous page's last item).
	 * Returns `undefined` for a marker that is not an invalidation of this distribution.
	 */
	page(distributionId: string, marker: string | undefined, maxItems: number): Page | undefined {
		const list = this.#byDistribution.get(distributionId) ?? [];
		let start = list.length - 1;
		if (marker) {
			const pos = this.#position.get(marker);
			if (pos === undefined || list[pos]?.id !== marker) return undefined;
			start = pos - 1;
		}
		const items: Invalidation[] = [];
		for (let i = start; i >= 0 && items.length < maxItems; i--) items.push(list[i]);
		const last = start - items.length;
		return last >= 0 && items.length
			? { items, nextMarker: items[items.length - 1].id }
			: { items };
	}
}
