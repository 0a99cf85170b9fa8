/**
 * What the batch rules need to know about a path, found in one pass over its characters: a hash
 * (duplicates), where its directory ends and that directory's hash (sibling counts), its last `.`
 * and first `?` (`/dir` without `/dir/`), and whether it is plain or has an upper-case letter.
 * Built for 100,000-line pastes: the result goes into one reused object, so a line allocates
 * nothing here.
 */

/** A character outside `[\w\-./!$&'()+:=@]`: the line needs the full checks. */
export const NOT_PLAIN = 1;
/** A character in `A-Z`: the item may have a case twin. */
export const HAS_UPPER = 2;

const CHAR_FLAGS = new Uint8Array(65536).fill(NOT_PLAIN);
for (const c of "abcdefghijklmnopqrstuvwxyz0123456789_-./!$&'()+:=@")
	CHAR_FLAGS[c.charCodeAt(0)] = 0;
for (let c = 65; c <= 90; c++) CHAR_FLAGS[c] = HAS_UPPER;
/** `/`, `.` and `?`: measure() notes where they are. */
const SPECIAL = 4;
CHAR_FLAGS[47] |= SPECIAL;
CHAR_FLAGS[46] |= SPECIAL;
CHAR_FLAGS[63] |= SPECIAL;

export interface PathShape {
	/** FNV-1a over the UTF-16 code units, cut to 30 bits: equal strings, equal hashes. */
	hash: number;
	/** Offset of the last `/` before any `?` (-1: none): where the directory ends. */
	slash: number;
	/** The hash of everything up to and including that `/`. */
	dirHash: number;
	/** Offset of the last `.` (-1: none). */
	dot: number;
	/** Offset of the first `?` (-1: none). */
	query: number;
	/** NOT_PLAIN and HAS_UPPER bits. */
	flags: number;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Hashes leave as small integers (V8's Smis): a full 32-bit value would be boxed on the heap
 * whenever it is stored or passed, and that garbage cost more than the hashing.
 */
const SMALL = 0x3fffffff;

const shape: PathShape = { hash: 0, slash: -1, dirHash: 0, dot: -1, query: -1, flags: 0 };

/**
 * Measure `s` from `start` to `end` (offsets in the result are from `start`). Returns a shared
 * object, overwritten by the next call: read it before measuring again.
 *
 * The hash takes two characters a step (half the multiplications; a lone last one takes a step of
 * its own), so the hash of a prefix ending mid-pair is that pair's first character alone.
 */
export function measure(s: string, start = 0, end = s.length): PathShape {
	let hash = FNV_OFFSET;
	let flags = 0;
	let slash = -1;
	let dirHash = 0;
	let dot = -1;
	let query = -1;
	let i = start;
	for (; i < end; i += 2) {
		const a = s.charCodeAt(i);
		const before = hash;
		let b = 0;
		if (i + 1 < end) {
			b = s.charCodeAt(i + 1);
			flags |= CHAR_FLAGS[b];
			hash = Math.imul(hash ^ (a | (b << 16)), FNV_PRIME);
		} else hash = Math.imul(hash ^ a, FNV_PRIME);
		flags |= CHAR_FLAGS[a];
		if (flags & SPECIAL) {
			// A `/`, `.` or `?` in this pair: rare enough to sort out apart.
			// The directory is that of the path part: a `/` in a query string does not count
			// (https://www.rfc-editor.org/rfc/rfc3986#section-3.4).
			if (a === 47) {
				if (query === -1) {
					slash = i;
					dirHash = Math.imul(before ^ a, FNV_PRIME);
				}
			} else if (a === 46) dot = i;
			else if (a === 63 && query === -1) query = i;
			if (b === 47) {
				if (query === -1) {
					slash = i + 1;
					dirHash = hash;
				}
			} else if (b === 46) dot = i + 1;
			else if (b === 63 && query === -1) query = i + 1;
			flags &= ~SPECIAL;
		}
	}
	shape.hash = hash & SMALL;
	shape.flags = flags;
	shape.slash = slash === -1 ? -1 : slash - start;
	shape.dirHash = dirHash & SMALL;
	shape.dot = dot === -1 ? -1 : dot - start;
	shape.query = query === -1 ? -1 : query - start;
	return shape;
}

/** The hash `measure` gives for `s`. */
export const hashOf = (s: string): number => measure(s).hash;
