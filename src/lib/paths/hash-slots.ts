/**
 * Item numbers by a 32-bit hash, in one typed array (open addressing, linear probing). For 100,000
 * pasted paths a `Map` keyed by the strings cost more than all the rest of the parse: it hashes
 * each string again and grows an object table. Each slot holds the item and its hash side by side,
 * so a probe touches one cache line. The caller compares the candidates' strings.
 */
export class HashSlots {
	/** Per slot: item + 1 (0: free), then the item's hash. */
	#slots: Int32Array;
	#mask: number;
	#size = 0;
	#at = 0;
	#sought = 0;

	constructor(expected = 16) {
		let slots = 32;
		while (slots < expected * 2) slots *= 2;
		this.#slots = new Int32Array(slots * 2);
		this.#mask = slots - 1;
	}

	get size(): number {
		return this.#size;
	}

	/** Start walking the items stored under `hash`: then call next() until it gives -1. */
	seek(hash: number): void {
		this.#sought = hash;
		this.#at = slotOf(hash, this.#mask);
	}

	/** The next item stored under the hash sought, or -1. */
	next(): number {
		const slots = this.#slots;
		const mask = this.#mask;
		let at = this.#at;
		for (let item = slots[at * 2]; item !== 0; item = slots[at * 2]) {
			const hash = slots[at * 2 + 1];
			at = (at + 1) & mask;
			if (hash === this.#sought) {
				this.#at = at;
				return item - 1;
			}
		}
		this.#at = at;
		return -1;
	}

	add(hash: number, item: number): void {
		if (++this.#size * 4 > this.#slots.length) this.#grow();
		this.#put(hash, item + 1);
	}

	#put(hash: number, stored: number) {
		const slots = this.#slots;
		const mask = this.#mask;
		let at = slotOf(hash, mask);
		while (slots[at * 2] !== 0) at = (at + 1) & mask;
		slots[at * 2] = stored;
		slots[at * 2 + 1] = hash;
	}

	#grow() {
		const old = this.#slots;
		this.#slots = new Int32Array(old.length * 2);
		this.#mask = old.length - 1;
		for (let i = 0; i < old.length; i += 2) if (old[i] !== 0) this.#put(old[i + 1], old[i]);
	}
}

/**
 * FNV-1a's low bits alone cluster on similar strings (runs of paths differing in a digit or two):
 * mix all bits into the low ones (murmur3's finaliser), or probe chains grow long.
 */
function slotOf(hash: number, mask: number): number {
	let h = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return (h ^ (h >>> 16)) & mask;
}
