/**
 * What the batch rules need to know about a path: a hash (duplicates), where its directory ends
 * and that directory's hash (sibling counts), its last `.`
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
	/** A hash of the string (see hashParts): equal strings, equal hashes. */
	hash: number;
	/** Offset of the last `/` before any `?` (-1: none): where the directory ends. */
	slash: number;
	/** hashOf(everything up to and including that `/`). */
	dirHash: number;
	/** fnv() of the same: the directory's part of hashParts. */
	dirPart: number;
	/** Offset of the last `.` (-1: none). */
	dot: number;
	/** Offset of the first `?` (-1: none). */
	query: number;
	/** NOT_PLAIN and HAS_UPPER bits. */
	flags: number;
}

export const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Hashes leave as small integers (V8's Smis): a full 32-bit value would be boxed on the heap
 * whenever it is stored or passed, and that garbage cost more than the hashing.
 */
const SMALL = 0x3fffffff;

/**
 * FNV-1a over `s` from `start` to `end`, two UTF-16 code units a step (half the multiplications;
 * a lone last one takes a step of its own), continuing from `hash`.
 */
export function fnv(s: string, start: number, end: number, hash = FNV_OFFSET): number {
	let i = start;
	for (; i + 1 < end; i += 2)
		hash = Math.imul(hash ^ (s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16)), FNV_PRIME);
	return i < end ? Math.imul(hash ^ s.charCodeAt(i), FNV_PRIME) : hash;
}

/**
 * A path's hash from two parts: the FNV hash of its directory (up to and including the last `/`
 * before any `?`) and that of the rest. Pasted paths come in runs of one directory, so the
 * directory's part is reused from the line before and only the file name is read.
 */
export const hashParts = (dir: number, rest: number): number =>
	(Math.imul(dir, 0x85ebca6b) ^ rest) & SMALL;

const shape: PathShape = {
	hash: 0,
	slash: -1,
	dirHash: 0,
	dirPart: 0,
	dot: -1,
	query: -1,
	flags: 0
};

/**
 * Measure `s` from `start` to `end` (offsets in the result are from `start`). Returns a shared
 * object, overwritten by the next call: read it before measuring again.
 */
export function measure(s: string, start = 0, end = s.length): PathShape {
	let flags = 0;
	let slash = -1;
	let dot = -1;
	let query = -1;
	for (let i = start; i < end; i++) {
		const c = s.charCodeAt(i);
		flags |= CHAR_FLAGS[c];
		if (flags & SPECIAL) {
			// The directory is that of the path part: a `/` in a query string does not count
			// (https://www.rfc-editor.org/rfc/rfc3986#section-3.4).
			if (c === 47) {
				if (query === -1) slash = i;
			} else if (c === 46) dot = i;
			else if (query === -1) query = i;
			flags &= ~SPECIAL;
		}
	}
	const rest = slash === -1 ? start : slash + 1;
	const dir = fnv(s, start, rest);
	shape.hash = hashParts(dir, fnv(s, rest, end));
	shape.flags = flags;
	shape.slash = slash === -1 ? -1 : slash - start;
	shape.dirHash = hashParts(dir, FNV_OFFSET);
	shape.dirPart = dir;
	shape.dot = dot === -1 ? -1 : dot - start;
	shape.query = query === -1 ? -1 : query - start;
	return shape;
}

/** The hash `measure` gives for `s`. */
export const hashOf = (s: string): number => measure(s).hash;
