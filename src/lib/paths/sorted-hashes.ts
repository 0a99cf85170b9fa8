/**
 * Items sorted by a 30-bit hash, to find repeats without a lookup table probed once per item: on
 * 100,000 items such a table (2 MB) cost a cache miss per item and grew slower per item as the
 * paste grew. A radix sort reads its arrays in order and takes linear time.
 */

const BITS = 15;
const BUCKETS = 1 << BITS;
/** Hashes are below 2^30 (path-shape.ts hashParts): two 15-bit digits (fewer passes beat a
 * smaller count table: 128 KB of counts stays in cache). */
const PASSES = 2; // even: the sorted result ends in the arrays made for it, not in the scratch ones

let scratchKeys = new Int32Array(0);
let scratchItems = new Int32Array(0);
const counts = new Int32Array(BUCKETS);

export interface SortedHashes {
	/** The hashes, ascending. */
	keys: Int32Array;
	/** The item each key belongs to; items with equal keys in ascending order (a stable sort). */
	items: Int32Array;
}

/**
 * Items 0 to `count` - 1 sorted by `hashes[item]` (each in [0, 2^30)).
 * @example sortByHash(Int32Array.of(7, 3, 7), 3) // keys [3, 7, 7], items [1, 0, 2]
 */
export function sortByHash(hashes: Int32Array, count: number): SortedHashes {
	let keys = hashes.slice(0, count);
	let items = new Int32Array(count);
	for (let i = 0; i < count; i++) items[i] = i;
	// After an even number of passes the result is back in `keys` and `items`: the other two
	// arrays are scratch, kept for the next sort (fresh ones per parse added to the garbage).
	if (scratchKeys.length < count) {
		scratchKeys = new Int32Array(count);
		scratchItems = new Int32Array(count);
	}
	let nextKeys = scratchKeys;
	let nextItems = scratchItems;
	const starts = counts;
	for (let pass = 0, shift = 0; pass < PASSES; pass++, shift += BITS) {
		starts.fill(0);
		for (let i = 0; i < count; i++) starts[(keys[i] >>> shift) & (BUCKETS - 1)]++;
		for (let b = 0, at = 0; b < BUCKETS; b++) {
			const n = starts[b];
			starts[b] = at;
			at += n;
		}
		for (let i = 0; i < count; i++) {
			const key = keys[i];
			const to = starts[(key >>> shift) & (BUCKETS - 1)]++;
			nextKeys[to] = key;
			nextItems[to] = items[i];
		}
		[keys, nextKeys] = [nextKeys, keys];
		[items, nextItems] = [nextItems, items];
	}
	return { keys, items };
}

/** The first position of `hash` in sorted `keys`, or where it would go. */
export function firstAt(keys: Int32Array, hash: number): number {
	let lo = 0;
	let hi = keys.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (keys[mid] < hash) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
