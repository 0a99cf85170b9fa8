/**
 * What the batch rules need to know about a path: a hash (duplicates), where its directory ends
 * and that directory's part of the hash (sibling counts), its last `.` and first `?` (`/dir`
 * without `/dir/`), and whether it has an upper-case letter. Built for 100,000-line pastes: the
 * result goes into one reused object.
 */

/** A character in `A-Z`: the item may have a case twin. */
export const HAS_UPPER = 2;

const UPPER = /[A-Z]/;

export interface PathShape {
	/** A hash of the string (see hashParts): equal strings, equal hashes. */
	hash: number;
	/** Offset of the last `/` before any `?` (-1: none): where the directory ends. */
	slash: number;
	/** fnv() of the same: the directory's part of hashParts. */
	dirPart: number;
	/** Offset of the last `.` (-1: none). */
	dot: number;
	/** Offset of the first `?` (-1: none). */
	query: number;
	/** HAS_UPPER or 0. */
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
 * fnv() over bytes `start` to `end` of `b`: the same hash as fnv() over the same characters when
 * they are ASCII (one byte each). Reading a byte array costs a fraction of `charCodeAt`, which
 * checks the kind of string it reads on every call.
 */
export function fnvBytes(b: Uint8Array, start: number, end: number, hash = FNV_OFFSET): number {
	let i = start;
	for (; i + 1 < end; i += 2) hash = Math.imul(hash ^ (b[i] | (b[i + 1] << 16)), FNV_PRIME);
	return i < end ? Math.imul(hash ^ b[i], FNV_PRIME) : hash;
}

let asciiBuffer = new Uint8Array(0);
const encoder = new TextEncoder();

/**
 * `text` as bytes, one per character, when it is all ASCII (so byte offsets are character
 * offsets); undefined otherwise. One native call (a few tenths of a millisecond for 100,000
 * lines). The array is reused by the next call: read it before calling again.
 */
export function asciiBytes(text: string): Uint8Array | undefined {
	if (asciiBuffer.length < text.length)
		asciiBuffer = new Uint8Array(text.length + (text.length >> 2));
	// UTF-8 writes a character outside ASCII as two bytes or more: then it cannot all fit.
	const { read, written } = encoder.encodeInto(text, asciiBuffer.subarray(0, text.length));
	return read === text.length && written === text.length ? asciiBuffer : undefined;
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
	dirPart: 0,
	dot: -1,
	query: -1,
	flags: 0
};

/**
 * Measure `p`. Returns a shared object, overwritten by the next call: read it before measuring
 * again. Native searches, and JS only for the hash: a loop over the characters with a flag table
 * cost more.
 */
export function measure(p: string): PathShape {
	const query = p.indexOf('?');
	// The directory is that of the path part: a `/` in a query string does not count
	// (https://www.rfc-editor.org/rfc/rfc3986#section-3.4).
	const slash = query === 0 ? -1 : p.lastIndexOf('/', query === -1 ? p.length : query - 1);
	const dir = fnv(p, 0, slash + 1);
	shape.hash = hashParts(dir, fnv(p, slash + 1, p.length));
	shape.flags = UPPER.test(p) ? HAS_UPPER : 0;
	shape.slash = slash;
	shape.dirPart = dir;
	shape.dot = p.lastIndexOf('.');
	shape.query = query;
	return shape;
}

/**
 * hashOf(s + '/') for an `s` without `?`, without building that string: a directory's name from
 * a bare name (the batch rules' `/dir` without `/dir/`).
 */
export function hashWithSlash(s: string): number {
	const n = s.length;
	// fnv() reads two code units a step: the "/" pairs with s's last one when s's length is odd.
	const dir =
		n % 2 === 0
			? Math.imul(fnv(s, 0, n) ^ 0x2f, FNV_PRIME)
			: Math.imul(fnv(s, 0, n - 1) ^ (s.charCodeAt(n - 1) | (0x2f << 16)), FNV_PRIME);
	return hashParts(dir, FNV_OFFSET);
}

/** The hash `measure` gives for `s`. */
export const hashOf = (s: string): number => measure(s).hash;
